//! Re-creating the source's private endpoints for the restored account, from the account
//! document's `privateEndpointConnections` (each names its private endpoint's id and, as
//! `az cosmosdb show` prints it, the `groupId`). The connection does not hold the endpoint's
//! subnet or region: those are placeholders unless the document carries them
//! (`privateEndpoint.properties.subnet.id`, `privateEndpoint.location`). [CBI] ("private
//! endpoint settings are not restored"); az: `network private-endpoint create` (azure-cli
//! network/operations/…/private_endpoint/_create.py), PowerShell: `New-AzPrivateLinkServiceConnection`
//! and `New-AzPrivateEndpoint` (Az.Network).

use super::az::Az;
use super::placeholder;
use super::powershell::Ps;
use super::source::segment_after;
use serde_json::Value;

/// One private endpoint of the source account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The source endpoint's name (the last segment of its id), when the connection names it.
    pub name: Option<String>,
    /// Its resource group, from its id.
    pub resource_group: Option<String>,
    /// The connection's group id (`Sql`, `MongoDB`, …).
    pub group_id: Option<String>,
    /// The endpoint's subnet id, when the document carries it.
    pub subnet: Option<String>,
    /// The endpoint's region, when the document carries it.
    pub location: Option<String>,
}

fn str_at(v: &Value, pointer: &str) -> Option<String> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The endpoints of `connections` (the source's `privateEndpointConnections`).
pub fn read(connections: &Value) -> Vec<Endpoint> {
    let Some(items) = connections.as_array() else {
        return Vec::new();
    };
    items
        .iter()
        .map(|c| {
            let p = c.get("properties").filter(|p| p.is_object()).unwrap_or(c);
            let id = str_at(p, "/privateEndpoint/id");
            Endpoint {
                name: id
                    .as_deref()
                    .and_then(|i| i.trim_end_matches('/').rsplit('/').next())
                    .filter(|n| !n.is_empty())
                    .map(str::to_string),
                resource_group: id
                    .as_deref()
                    .and_then(|i| segment_after(i, "resourceGroups"))
                    .map(str::to_string),
                group_id: str_at(p, "/groupId").or_else(|| str_at(p, "/groupIds/0")),
                subnet: str_at(p, "/privateEndpoint/properties/subnet/id")
                    .or_else(|| str_at(p, "/privateEndpoint/subnet/id")),
                location: str_at(p, "/privateEndpoint/location"),
            }
        })
        .collect()
}

/// `NAME` alone, or `NAME_<n>` when there are several endpoints.
fn numbered(name: &str, n: usize, several: bool) -> String {
    if several {
        placeholder(&format!("{name}_{n}"))
    } else {
        placeholder(name)
    }
}

/// The az and PowerShell commands creating a new endpoint like `e` (the `n`th of `count`) to the
/// restored account `account_id` named `account`.
pub fn commands(e: &Endpoint, n: usize, count: usize, account: &str, account_id: &str) -> (String, String) {
    let several = count > 1;
    // The source endpoint still exists (an account's deletion leaves its endpoints
    // disconnected), so the new one needs a name of its own: the source's, suffixed with the
    // account it now serves.
    let name = match &e.name {
        Some(x) => format!("{x}-{account}"),
        None => numbered("PRIVATE_ENDPOINT_NAME", n, several),
    };
    let rg = e
        .resource_group
        .clone()
        .unwrap_or_else(|| numbered("PRIVATE_ENDPOINT_RESOURCE_GROUP", n, several));
    let group = e.group_id.clone().unwrap_or_else(|| numbered("GROUP_ID", n, several));
    let subnet = e.subnet.clone().unwrap_or_else(|| numbered("SUBNET_ID", n, several));
    let location = e
        .location
        .clone()
        .unwrap_or_else(|| numbered("PRIVATE_ENDPOINT_REGION", n, several));
    let az = Az::new("network private-endpoint create")
        .arg("--name", &name)
        .arg("--resource-group", &rg)
        .arg("--location", &location)
        .arg("--subnet", &subnet)
        .arg("--private-connection-resource-id", account_id)
        .arg("--group-id", &group)
        .arg("--connection-name", &name)
        .line();
    let (sv, cv) = if several {
        (format!("$subnet{n}"), format!("$connection{n}"))
    } else {
        ("$subnet".to_string(), "$connection".to_string())
    };
    let ps = [
        format!(
            "{sv} = {}",
            Ps::new("Get-AzVirtualNetworkSubnetConfig")
                .arg("-ResourceId", &subnet)
                .line()
        ),
        format!(
            "{cv} = {}",
            Ps::new("New-AzPrivateLinkServiceConnection")
                .arg("-Name", &name)
                .arg("-PrivateLinkServiceId", account_id)
                .list("-GroupId", std::slice::from_ref(&group))
                .line()
        ),
        Ps::new("New-AzPrivateEndpoint")
            .arg("-Name", &name)
            .arg("-ResourceGroupName", &rg)
            .arg("-Location", &location)
            .raw("-Subnet", &sv)
            .raw("-PrivateLinkServiceConnection", &cv)
            .line(),
    ]
    .join("\n");
    (az, ps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_connection_names_its_endpoint_group_and_nothing_else() {
        let e = read(&json!([{
            "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/a/privateEndpointConnections/pe1.abc",
            "properties": {
                "privateEndpoint": {"id": "/subscriptions/s/resourceGroups/rg-net/providers/Microsoft.Network/privateEndpoints/pe1"},
                "groupId": "Sql"
            }
        }]));
        assert_eq!(
            e,
            vec![Endpoint {
                name: Some("pe1".into()),
                resource_group: Some("rg-net".into()),
                group_id: Some("Sql".into()),
                subnet: None,
                location: None,
            }]
        );
        assert!(read(&json!({})).is_empty());
    }
}
