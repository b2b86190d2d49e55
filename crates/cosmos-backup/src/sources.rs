//! The documents every rule cites. Keys follow `docs/domain.md` §11.
//!
//! A diagnostic's `source` is one of these strings, so a reader can always find the sentence
//! a rule comes from. Where sources disagree, the newest Microsoft document wins and the
//! diagnostic's `help` says so.

/// Periodic backup introduction (Microsoft Learn, 2025-07-22).
pub const PBR: &str = "[PBR] Microsoft Learn, periodic-backup-restore-introduction.md (2025-07-22)";
/// Modify periodic backup interval and retention (Microsoft Learn, 2023-03-21).
pub const PMI: &str = "[PMI] Microsoft Learn, periodic-backup-modify-interval-retention.md (2023-03-21)";
/// Periodic backup storage redundancy (Microsoft Learn, 2023-03-21).
pub const PBSR: &str = "[PBSR] Microsoft Learn, periodic-backup-storage-redundancy.md (2023-03-21)";
/// Update periodic backup storage redundancy (Microsoft Learn).
pub const PUSR: &str = "[PUSR] Microsoft Learn, periodic-backup-update-storage-redundancy.md";
/// Request a periodic data restore (Microsoft Learn).
pub const PRDR: &str = "[PRDR] Microsoft Learn, periodic-backup-request-data-restore.md";
/// Online backup and restore overview (Microsoft Learn, 2025-07-21; seed 000 is its 2021 version).
pub const OBR: &str = "[OBR] Microsoft Learn, online-backup-and-restore.md (2025-07-21; seed 000)";
/// Continuous backup introduction (Microsoft Learn, 2025-12-04). Seed 003 is an earlier copy of
/// the same page; it carries no date (it still says multi-region-write accounts aren't supported,
/// which the 2025 page no longer says), so no other date is ever given for it.
pub const CBI: &str = "[CBI] Microsoft Learn, continuous-backup-restore-introduction.md (2025-12-04; seed 003 is an earlier, undated copy)";
/// Continuous backup resource model (Microsoft Learn, 2024-03-21).
pub const CBRM: &str = "[CBRM] Microsoft Learn, continuous-backup-restore-resource-model.md (2024-03-21)";
/// Continuous backup FAQ (Microsoft Learn, 2025-12-08).
pub const CBFAQ: &str =
    "[CBFAQ] Microsoft Learn, continuous-backup-restore-frequently-asked-questions.yml (2025-12-08)";
/// Migrate to continuous backup (Microsoft Learn, 2025-08-20).
pub const MIG: &str = "[MIG] Microsoft Learn, migrate-continuous-backup.md (2025-08-20)";
/// Migrate to continuous backup, 2024 version with its FAQ (Microsoft Learn, 2024-05-08).
pub const MIG_2024: &str = "[MIG-2024] Microsoft Learn, migrate-continuous-backup.md (2024-05-08, FAQ)";
/// Provision an account with continuous backup (Microsoft Learn, 2023-05-02).
pub const PROV: &str = "[PROV] Microsoft Learn, provision-account-continuous-backup.md (2023-05-02)";
/// Restore an account with continuous backup (Microsoft Learn, 2025-07-22).
pub const RACB: &str = "[RACB] Microsoft Learn, restore-account-continuous-backup.md (2025-07-22)";
/// Latest restorable timestamp (Microsoft Learn, 2024-03-21).
pub const LRT: &str = "[LRT] Microsoft Learn, latest-restore-timestamp-continuous-backup.md (2024-03-21)";
/// In-account restore introduction (Microsoft Learn, 2024-04-15).
pub const IAI: &str = "[IAI] Microsoft Learn, restore-in-account-continuous-backup-introduction.md (2024-04-15)";
/// In-account restore resource model (Microsoft Learn).
pub const IARM: &str = "[IARM] Microsoft Learn, restore-in-account-continuous-backup-resource-model.md";
/// In-account restore FAQ (Microsoft Learn, 2024-04-24).
pub const IAFAQ: &str =
    "[IAFAQ] Microsoft Learn, restore-in-account-continuous-backup-frequently-asked-questions.yml (2024-04-24)";
/// Continuous backup restore permissions (Microsoft Learn, 2023-03-31).
pub const PERM: &str = "[PERM] Microsoft Learn, continuous-backup-restore-permissions.md (2023-03-31)";
/// Built-in roles for databases (Microsoft Learn).
pub const ROLES: &str = "[ROLES] Microsoft Learn, role-based-access-control/built-in-roles/databases.md";
/// Cosmos DB for PostgreSQL backup concepts (Microsoft Learn, 2024-01-21; seed 004).
pub const PGB: &str = "[PGB] Microsoft Learn, postgresql/concepts-backup.md (2024-01-21; seed 004)";
/// Cosmos DB for PostgreSQL limits (Microsoft Learn, 2024-07).
pub const PGL: &str = "[PGL] Microsoft Learn, postgresql/reference-limits.md (2024-07)";
/// Cosmos DB for PostgreSQL restore in the portal (Microsoft Learn, 2024-01).
pub const PGR: &str = "[PGR] Microsoft Learn, postgresql/howto-restore-portal.md (2024-01)";
/// The 2017 automatic backup article (seed 002).
pub const LEG17: &str = "[LEG17] Microsoft Docs, online-backup-and-restore.md (2017-06-23; seed 002)";
/// The 2021 continuous backup preview article (seed 001).
pub const PREVIEW21: &str = "[CBP21] Microsoft Docs, continuous backup preview (2021-01-31; seed 001)";
/// The ARM REST specification, api-version 2025-10-15.
pub const SPEC: &str = "[SPEC] Azure REST API spec, Microsoft.DocumentDB stable/2025-10-15/cosmos-db.json";
/// The preview ARM REST specification, api-version 2026-04-01-preview: `ContinuousTier` gains
/// `Continuous35Days` ("Continuous 35 Days backup tier.").
pub const SPEC_P26: &str = "[SPEC-P26] Azure REST API spec, Microsoft.DocumentDB preview/2026-04-01-preview/openapi.json @0dfeeb0f (ContinuousTier)";
/// The ARM REST specification of restorable resources, api-version 2025-10-15.
pub const SPEC_R: &str = "[SPEC-R] Azure REST API spec, Microsoft.DocumentDB stable/2025-10-15/restorable.json";
/// Terraform azurerm provider, `azurerm_cosmosdb_account` backup block.
pub const TF: &str = "[TF] terraform-provider-azurerm, cosmosdb_account backup block";
/// The Bicep language reference (Microsoft Learn, azure-resource-manager/bicep).
pub const BICEP: &str = "[BICEP] Microsoft Learn, azure-resource-manager/bicep: file.md, data-types.md, operators.md, modules.md, parameter-files.md";
/// This engine's own input rules (JSON, timestamps, limits).
pub const ENGINE: &str = "[ENGINE] cosmos-backup input rules (README, \"Inputs\")";
/// The Azure Retail Prices API snapshot and the price-point report (docs/reference/pricing.md).
pub const PRICES: &str =
    "[PRICES] Azure Retail Prices API snapshot (14 regions, USD) and pricing.md §2, via the default price sheet";
