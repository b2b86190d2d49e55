#!/usr/bin/env python3
# Writes the HCL vectors. Expected values are derived from the HCL text by hand; `at()` only
# finds the line and column of a marked substring in the text (so the numbers are checked
# against the text, not taken from the engine).
import json, os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "vectors", "terraform")
NOW = "2026-11-21T00:00:00Z"

def at(text, needle, file="main.tf", skip=0):
    idx = text.index(needle) + skip
    line = text.count("\n", 0, idx) + 1
    col = idx - (text.rfind("\n", 0, idx) + 1) + 1
    d = {"line": line, "column": col}
    if file: d["file"] = file
    return d

def src(text, file="main.tf", tfvars=None):
    s = {"format": "terraform", "file": file, "text": text}
    if tfvars: s["parameters"] = [{"format": "tfvars", "file": f, "text": t} for f, t in tfvars]
    return s

def write(name, title, account, expect, **extra):
    v = {"name": title, "scenario": {"now": NOW, "account": account, **extra}, "expect": expect}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(v, f, indent=2, ensure_ascii=False); f.write("\n")

RC = "/account/resource_changes"

# 1. azurerm backup block, literal values; 0 is what the user wrote.
t = '''resource "azurerm_cosmosdb_account" "orders" {
  name                = "orders"
  location            = "westus"
  resource_group_name = "rg"
  offer_type          = "Standard"

  geo_location {
    location          = "westus"
    failover_priority = 0
  }

  backup {
    type                = "Periodic"
    interval_in_minutes = 30
    retention_in_hours  = 8
    storage_redundancy  = "Local"
  }
}

resource "azurerm_cosmosdb_account" "zero" {
  name = "zero"
  backup {
    type                = "Periodic"
    interval_in_minutes = 0
    retention_in_hours  = 8
    storage_redundancy  = ""
  }
}

resource "azurerm_cosmosdb_account" "unset" {
  name = "unset"
  backup {
    type = "Continuous"
    tier = null
  }
}
'''
write("hcl-azurerm-backup", "a Terraform azurerm_cosmosdb_account in HCL: the backup block is read as a plan's backup array, findings located at the value's line and column; 0 and \"\" are the user's values (unlike a plan), null is unset",
  src(t), {"results": {"$exact": [
    {"name": "orders (azurerm_cosmosdb_account.orders)", "shape": "terraformAzurerm", "path": RC + "/0/change/after",
     "effectivePolicy": {"type": "Periodic", "backupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8, "backupStorageRedundancy": "Local", "defaulted": {"$len": 0}},
     "diagnostics": [{"code": "periodic.interval-below-minimum", "severity": "error", "path": RC + "/0/change/after/backup/0/interval_in_minutes", "location": at(t, "= 30", skip=2)}]},
    {"name": "zero (azurerm_cosmosdb_account.zero)",
     "effectivePolicy": {"type": "Periodic", "backupIntervalInMinutes": 0},
     "diagnostics": [
       {"code": "periodic.interval-below-minimum", "path": RC + "/1/change/after/backup/0/interval_in_minutes", "location": at(t, "= 0\n    retention", skip=2)},
       {"code": "periodic.redundancy-unknown", "severity": "error", "path": RC + "/1/change/after/backup/0/storage_redundancy", "location": at(t, '""')}]},
    {"name": "unset (azurerm_cosmosdb_account.unset)",
     "effectivePolicy": {"type": "Continuous", "tier": "Continuous30Days", "defaulted": ["tier"]},
     "diagnostics": [{"code": "policy.value-defaulted", "path": RC + "/2/change/after/backup/0"}]},
  ]}})

# 2. variables, locals, templates, conditionals; tfvars win over defaults.
t = '''variable "environment" {
  type    = string
  default = "dev"
}

variable "backup" {
  type = object({
    type                = optional(string, "Periodic")
    interval_in_minutes = optional(number, 240)
    retention_in_hours  = optional(number, 8)
  })
  default = {}
}

locals {
  prod = var.environment == "prod"
}

resource "azurerm_cosmosdb_account" "db" {
  name = "${var.environment}-db"
  backup {
    type                = var.backup.type
    interval_in_minutes = local.prod ? var.backup.interval_in_minutes : 1440
    retention_in_hours  = var.backup.retention_in_hours
    storage_redundancy  = try(var.backup.storage_redundancy, "Zone")
  }
}
'''
tv = '''environment = "prod"
backup = {
  interval_in_minutes = 60
  retention_in_hours  = 96
}
'''
write("hcl-tfvars", "HCL variables: a .tfvars value wins over the default, optional() type defaults fill what it leaves out, locals, templates, conditionals and try() are evaluated",
  src(t, tfvars=[("prod.tfvars", tv)]), {"diagnostics": {"$len": 0}, "results": {"$exact": [
    {"name": "prod-db (azurerm_cosmosdb_account.db)",
     "effectivePolicy": {"type": "Periodic", "backupIntervalInMinutes": 60, "backupRetentionIntervalInHours": 96, "backupStorageRedundancy": "Zone", "defaulted": {"$len": 0}},
     "diagnostics": {"$none": [{"severity": "error"}, {"severity": "warning"}]}}]}})
write("hcl-variable-defaults", "HCL variables without a .tfvars: the defaults apply (dev: interval 1440, type from the optional() default)",
  src(t), {"results": {"$exact": [
    {"name": "dev-db (azurerm_cosmosdb_account.db)",
     "effectivePolicy": {"type": "Periodic", "backupIntervalInMinutes": 1440, "backupRetentionIntervalInHours": 8, "backupStorageRedundancy": "Zone"}}]}})

# 3. unresolved: a resource attribute and a variable without a value are never literals or defaults.
t = '''variable "backup_type" {
  type = string
}

resource "azurerm_cosmosdb_account" "db" {
  name     = "db"
  location = azurerm_resource_group.rg.location
  backup {
    type                = var.backup_type
    interval_in_minutes = data.azurerm_cosmosdb_account.old.backup[0].interval_in_minutes
    retention_in_hours  = 8
  }
}
'''
write("hcl-unresolved", "HCL expressions that cannot be evaluated offline (a variable with no value, a data source) are template.expression-unresolved at their line, never read as literals or defaulted",
  src(t), {"results": {"$exact": [
    {"name": "db (azurerm_cosmosdb_account.db)", "effectivePolicy": None,
     "diagnostics": [
       {"code": "template.expression-unresolved", "severity": "info", "path": RC + "/0/change/after/backup/0/type", "location": at(t, "var.backup_type\n")},
       {"code": "template.expression-unresolved", "path": RC + "/0/change/after/backup/0/interval_in_minutes", "location": at(t, "data.azurerm")},
]}]}})

# 4. count and for_each.
t = '''variable "regions" {
  default = {
    west = "westus"
    east = "eastus"
  }
}

resource "azurerm_cosmosdb_account" "off" {
  count = 0
  name  = "off"
}

resource "azurerm_cosmosdb_account" "pair" {
  count = 2
  name  = "pair-${count.index}"
  backup {
    type                = "Periodic"
    interval_in_minutes = count.index == 0 ? 60 : 30
    retention_in_hours  = 8
  }
}

resource "azurerm_cosmosdb_account" "regional" {
  for_each = var.regions
  name     = "orders-${each.key}"
  geo_location {
    location          = each.value
    failover_priority = 0
  }
  backup {
    type = "Continuous"
  }
}

resource "azurerm_cosmosdb_account" "unknown" {
  count = length(data.azurerm_resources.all.resources)
  name  = "unknown"
  backup {
    type = "Continuous"
    tier = "Continuous7Days"
  }
}
'''
write("hcl-count-for-each", "HCL count and for_each: count = 0 is not deployed, count = 2 gives [0] and [1], a literal for_each map one account per key, a count that cannot be evaluated one account and a finding at it",
  src(t), {
    "diagnostics": [{"code": "template.expression-unresolved", "path": RC + "/4/count", "location": at(t, "length(data")}],
    "results": {"$exact": [
      {"name": "pair-0 (azurerm_cosmosdb_account.pair[0])", "effectivePolicy": {"backupIntervalInMinutes": 60}, "diagnostics": {"$none": [{"code": "periodic.interval-below-minimum"}]}},
      {"name": "pair-1 (azurerm_cosmosdb_account.pair[1])", "effectivePolicy": {"backupIntervalInMinutes": 30},
       "diagnostics": [{"code": "periodic.interval-below-minimum", "path": RC + "/1/change/after/backup/0/interval_in_minutes", "location": at(t, "count.index == 0")}]},
      {"name": "orders-west (azurerm_cosmosdb_account.regional[\"west\"])", "effectivePolicy": {"type": "Continuous", "tier": "Continuous30Days"}},
      {"name": "orders-east (azurerm_cosmosdb_account.regional[\"east\"])", "effectivePolicy": {"type": "Continuous"}},
      {"name": "unknown (azurerm_cosmosdb_account.unknown)", "effectivePolicy": {"type": "Continuous", "tier": "Continuous7Days"}},
    ]}})

# 5. dynamic blocks.
t = '''variable "continuous" {
  default = true
}

resource "azurerm_cosmosdb_account" "literal" {
  name = "literal"
  dynamic "backup" {
    for_each = var.continuous ? [1] : []
    content {
      type = "Continuous"
      tier = "Continuous7Days"
    }
  }
}

resource "azurerm_cosmosdb_account" "opaque" {
  name = "opaque"
  dynamic "backup" {
    for_each = module.settings.backup
    content {
      type = backup.value.type
    }
  }
  dynamic "geo_location" {
    for_each = local.missing
    content {
      location = geo_location.value
    }
  }
}
'''
write("hcl-dynamic", "HCL dynamic blocks: over a literal list they expand; over an expression that cannot be evaluated the block is unresolved at its for_each, never defaulted",
  src(t), {
    "diagnostics": [{"code": "template.expression-unresolved", "path": RC + "/1/change/after/geo_location", "location": at(t, "local.missing")}],
    "results": {"$exact": [
      {"name": "literal (azurerm_cosmosdb_account.literal)", "effectivePolicy": {"type": "Continuous", "tier": "Continuous7Days"}},
      {"name": "opaque (azurerm_cosmosdb_account.opaque)", "effectivePolicy": None,
       "diagnostics": {"$exact": [{"code": "template.expression-unresolved", "path": RC + "/1/change/after/backup", "location": at(t, "module.settings.backup")}]}},
    ]}})

# 6. azapi bodies: HCL object (azapi 2.x) and jsonencode (azapi 1.x).
t = '''variable "tier" {
  default = "Continuous7Days"
}

resource "azapi_resource" "rg" {
  type     = "Microsoft.Resources/resourceGroups@2020-06-01"
  name     = "rg"
  location = "westus"
}

resource "azapi_resource" "object" {
  type      = "Microsoft.DocumentDB/databaseAccounts@2024-11-15"
  name      = "object"
  parent_id = azapi_resource.rg.id
  body = {
    kind = "GlobalDocumentDB"
    properties = {
      databaseAccountOfferType = "Standard"
      backupPolicy = {
        type = "Periodic"
        periodicModeProperties = {
          backupIntervalInMinutes        = 30
          backupRetentionIntervalInHours = 8
        }
      }
    }
  }
}

resource "azapi_resource" "encoded" {
  type = "Microsoft.DocumentDB/databaseAccounts@2023-04-15"
  name = "encoded"
  body = jsonencode({
    properties = {
      backupPolicy = {
        type = "Continuous"
        continuousModeProperties = {
          tier = var.tier
        }
      }
    }
  })
}
'''
write("hcl-azapi", "HCL azapi_resource bodies of type Microsoft.DocumentDB/databaseAccounts, as an HCL object (azapi 2.x) and as jsonencode({…}) (azapi 1.x), are read as ARM bodies; a resource group is not an account",
  src(t), {"results": {"$exact": [
    {"name": "azapi_resource.object", "shape": "terraformAzapi", "path": RC + "/1/change/after/body",
     "diagnostics": [{"code": "periodic.interval-below-minimum", "path": RC + "/1/change/after/body/properties/backupPolicy/periodicModeProperties/backupIntervalInMinutes", "location": at(t, "= 30", skip=2)}]},
    {"name": "azapi_resource.encoded", "shape": "terraformAzapi", "path": RC + "/2/change/after/body",
     "effectivePolicy": {"type": "Continuous", "tier": "Continuous7Days", "retentionDays": 7}},
  ]}})

# 7. syntax error.
t = '''resource "azurerm_cosmosdb_account" "db" {
  name = "db"
  backup {
    type = "Periodic"
    interval_in_minutes = = 240
  }
}
'''
write("hcl-syntax", "HCL that is not valid is refused with input.hcl-syntax, located in the file", src(t),
  {"error": {"code": "input.hcl-syntax", "diagnostics": [{"code": "input.hcl-syntax", "severity": "error", "path": "/account", "location": {"file": "main.tf", "line": 5}}]}})

# 8. module calls.
t = '''module "naming" {
  source  = "Azure/naming/azurerm"
  version = "0.3.0"
}

module "cosmos" {
  source  = "Azure/avm-res-documentdb-databaseaccount/azurerm"
  version = "0.10.0"

  name                = "orders"
  location            = "westus"
  resource_group_name = "rg"
  backup = {
    type                = "Periodic"
    interval_in_minutes = 30
  }
}

module "default" {
  source = "Azure/avm-res-documentdb-databaseaccount/azurerm"

  name                = "defaults"
  location            = "westus"
  resource_group_name = "rg"
}
'''
write("hcl-modules", "HCL module calls: another module is named (not followed); the AVM Cosmos DB module is read through its backup input and the module's documented defaults (Continuous30Days; for Periodic 240 minutes, 8 hours, Geo)",
  src(t), {
    "diagnostics": [
      {"code": "terraform.module-not-read", "severity": "info", "path": "/account/module_calls/naming", "location": at(t, 'module "naming"')},
      {"code": "terraform.avm-module-read", "severity": "info", "path": RC + "/0/change/after", "location": at(t, 'module "cosmos"')},
      {"code": "terraform.avm-module-read", "path": RC + "/1/change/after"},
    ],
    "results": {"$exact": [
      {"name": "orders (module.cosmos.azurerm_cosmosdb_account.this)", "shape": "terraformAzurerm",
       "effectivePolicy": {"type": "Periodic", "backupIntervalInMinutes": 30, "backupRetentionIntervalInHours": 8, "backupStorageRedundancy": "Geo", "defaulted": {"$len": 0}},
       "diagnostics": [{"code": "periodic.interval-below-minimum", "path": RC + "/0/change/after/backup/0/interval_in_minutes", "location": at(t, "= 30", skip=2)}]},
      {"name": "defaults (module.default.azurerm_cosmosdb_account.this)",
       "effectivePolicy": {"type": "Continuous", "tier": "Continuous30Days", "defaulted": {"$len": 0}}},
    ]}})

# 9. tfvars alone.
write("hcl-tfvars-alone", "a .tfvars source given alone is read, and a finding says it needs its configuration",
  {"format": "tfvars", "file": "prod.tfvars", "text": "backup_type = \"Periodic\"\n"},
  {"diagnostics": [
    {"code": "terraform.tfvars-without-configuration", "severity": "warning", "path": "/account", "location": {"file": "prod.tfvars", "line": 1, "column": 1}},
    {"code": "document.no-account"}]})
