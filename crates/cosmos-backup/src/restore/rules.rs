//! Restore rules: the catalogue entries for windows, restore points, event feeds, requests and
//! PostgreSQL clusters.

use crate::diagnostics::{Rule, Severity::*};
use crate::sources::*;

macro_rules! rule {
    ($name:ident, $code:literal, $sev:ident, $src:ident, $summary:literal) => {
        #[doc = $summary]
        pub const $name: Rule = Rule {
            code: $code,
            severity: $sev,
            summary: $summary,
            source: $src,
        };
    };
}

// Scenario-level.
rule!(
    NOW_MISSING,
    "scenario.now-missing",
    Info,
    ENGINE,
    "a restore window needs `now`; without it the window is left empty rather than guessed"
);
rule!(
    RULE_SET_UNKNOWN,
    "scenario.rule-set-unknown",
    Warning,
    ENGINE,
    "`ruleSet` is neither `current` nor `legacy2017`; the current rules are used"
);
rule!(
    LEGACY_RULE_SET,
    "restore.legacy-rule-set",
    Info,
    LEG17,
    "the 2017 rule set is in effect: a snapshot about every 4 hours, the latest 2 kept, deleted containers' snapshots kept 30 days"
);

// Continuous windows.
rule!(
    ACCOUNT_DELETED,
    "restore.account-deleted",
    Info,
    RACB,
    "the account is deleted: it can be restored to a point before its deletion for 30 days after it"
);
rule!(
    DELETED_EXPIRED,
    "restore.deleted-account-expired",
    Warning,
    RACB,
    "the account was deleted more than 30 days ago and can no longer be restored"
);
rule!(
    WINDOW_EMPTY,
    "restore.window-empty",
    Warning,
    CBI,
    "no instant satisfies every bound of the restore window"
);
rule!(
    LRT_EPOCH,
    "restore.lrt-epoch",
    Warning,
    LRT,
    "`latestRestorableTimestamp` is the Unix epoch: a partition has not taken its first log backup yet"
);
rule!(
    EPOCH_TIMESTAMP,
    "restore.epoch-timestamp",
    Warning,
    ENGINE,
    "a restorable account's `oldestRestorableTime`, `creationTime` or `deletionTime` is the Unix epoch: it is no value and bounds nothing"
);
rule!(
    MIGRATION_GAP,
    "restore.migration-gap",
    Info,
    MIG_2024,
    "no restore timestamp lies inside a periodic → continuous migration; earlier points need a support ticket and the pre-migration periodic backups, kept 30 days"
);

// Periodic restore points.
rule!(
    PERIODIC_RAISE_RETENTION,
    "restore.periodic-raise-retention",
    Warning,
    PMI,
    "after an incident on a periodic account, raise retention to at least 7 days, ideally within 8 hours, before filing the support request"
);
rule!(
    PERIODIC_INCIDENT_ROLLED_OVER,
    "restore.periodic-incident-rolled-over",
    Warning,
    PRDR,
    "the last snapshot before the incident is older than the retention: it has already rolled over"
);
rule!(
    PERIODIC_SCHEDULE_ASSUMED,
    "restore.periodic-schedule-assumed",
    Info,
    ENGINE,
    "the documents don't say when periodic snapshots are taken: the restore points assume a schedule counted from the account's creation or the Unix epoch; `lastBackupTime` pins it"
);
rule!(
    PERIODIC_POINTS_CAPPED,
    "restore.periodic-points-capped",
    Info,
    ENGINE,
    "more than 1 000 snapshots are kept: `restorePoints` lists the newest 1 000, while the window and `restorePointCount` cover them all"
);
rule!(
    LAST_BACKUP_AFTER_NOW,
    "restore.last-backup-after-now",
    Warning,
    ENGINE,
    "`lastBackupTime` is after `now`, so it can't be a backup already taken; the assumed schedule is used"
);
rule!(
    PERIODIC_SUPPORT_TICKET,
    "restore.periodic-support-ticket",
    Info,
    PRDR,
    "a periodic account is restored by Azure support into a new account in the source write region"
);

// Event feeds.
rule!(
    EVENT_RESTORE_POINT,
    "restore.event-restore-point",
    Info,
    CBI,
    "the latest restore timestamp before a delete or property change found in an event feed"
);
rule!(
    EVENT_NOT_FOUND,
    "restore.event-not-found",
    Warning,
    CBI,
    "the event feed holds no delete or replace event of the named database or container"
);
rule!(
    EVENT_OUTSIDE_WINDOW,
    "restore.event-outside-window",
    Warning,
    CBI,
    "the instant before the event is older than the restore window: it can no longer be restored"
);
rule!(
    EVENT_TIMESTAMP_INVALID,
    "restore.event-timestamp-invalid",
    Warning,
    SPEC_R,
    "an event-feed entry has no readable `eventTimestamp`; it is skipped"
);

// Restore requests (account level).
rule!(
    REQ_PARAMETERS_MISSING,
    "restore-request.parameters-missing",
    Error,
    SPEC,
    "`createMode` is `Restore` but `restoreParameters` is missing"
);
rule!(
    REQ_MODE,
    "restore-request.mode-invalid",
    Error,
    SPEC,
    "`restoreMode` must be `PointInTime`"
);
rule!(
    REQ_SOURCE_MISSING,
    "restore-request.source-missing",
    Error,
    SPEC,
    "`restoreSource` is required"
);
rule!(
    REQ_SOURCE_FORM,
    "restore-request.source-not-restorable-id",
    Error,
    SPEC_R,
    "`restoreSource` must be a restorable database account id, not a database account id"
);
rule!(
    REQ_LOCATION,
    "restore-request.location-mismatch",
    Warning,
    RACB,
    "the restore request's `location` is not the region named in `restoreSource`; without the source's `restorableLocations` the engine can't tell whether the source had that region"
);
rule!(
    REQ_TARGET_REGION,
    "restore-request.target-region-absent",
    Error,
    CBI,
    "the restored account's `location` and `locations` must be regions where the source account existed at the restore timestamp"
);
rule!(
    REQ_SOURCE_PERIODIC,
    "restore-request.source-periodic",
    Error,
    PRDR,
    "a periodic-mode account has no point-in-time restore: its restore is an Azure support request"
);
rule!(
    REQ_TARGET_EXISTS,
    "restore-request.target-exists",
    Error,
    CBI,
    "a point-in-time restore always creates a new account; restoring into an existing account is not supported"
);
rule!(
    REQ_RESOURCE_NOT_AT_TIMESTAMP,
    "restore-request.resource-not-at-timestamp",
    Error,
    RACB,
    "a database, container, graph or table to restore did not exist at the restore timestamp (per the event feed)"
);
rule!(
    REQ_RESOURCE_NOT_LISTED,
    "restore-request.resource-not-listed",
    Error,
    SPEC_R,
    "a database, container, graph or table to restore is absent from the restorable-resources listing for the restore timestamp"
);
rule!(
    REQ_API_UNKNOWN,
    "restore-request.api-unknown",
    Info,
    SPEC_R,
    "the source's `apiType` is not a value the engine knows, so the lists to restore are not checked against it"
);
rule!(
    REQ_CROSS_SUBSCRIPTION,
    "restore-request.cross-subscription",
    Error,
    OBR,
    "a restore stays in the source's subscription: the target can't be in another subscription"
);
rule!(
    REQ_TIMESTAMP_MISSING,
    "restore-request.timestamp-missing",
    Error,
    SPEC,
    "`restoreTimestampInUtc` is required for a point-in-time restore"
);
rule!(
    REQ_TIMESTAMP_OUTSIDE,
    "restore-request.timestamp-outside-window",
    Error,
    CBI,
    "`restoreTimestampInUtc` lies outside the source's restore window"
);
rule!(
    REQ_REGION_ABSENT,
    "restore-request.region-absent",
    Error,
    CBI,
    "the source account did not exist in the restore region at the restore timestamp"
);
rule!(
    REQ_LIST_API,
    "restore-request.list-wrong-api",
    Error,
    SPEC,
    "the list of resources to restore does not match the source account's API"
);
rule!(
    REQ_LISTS_EXCLUSIVE,
    "restore-request.lists-exclusive",
    Error,
    SPEC,
    "at most one of `databasesToRestore`, `gremlinDatabasesToRestore`, `tablesToRestore` may be given"
);
rule!(
    REQ_SHARED_SUBSET,
    "restore-request.shared-throughput-subset",
    Error,
    CBI,
    "a subset of a shared-throughput database's containers can't be restored: restore the whole database"
);
rule!(
    REQ_CASSANDRA,
    "restore-request.cassandra",
    Error,
    CBI,
    "continuous backup and point-in-time restore don't support API for Cassandra accounts"
);
rule!(
    REQ_TTL,
    "restore-request.ttl-restored",
    Info,
    CBI,
    "TTL is restored with the containers and may delete restored items; set `restoreWithTtlDisabled: true` to keep them"
);
rule!(
    REQ_NO_SOURCE_WINDOW,
    "restore-request.window-unknown",
    Info,
    ENGINE,
    "the restore timestamp can't be checked without the source's restorable account (or the source account) and `now`"
);

// In-account restore.
rule!(
    REQ_IN_ACCOUNT_LIVE,
    "restore-request.in-account-live",
    Error,
    IAI,
    "only deleted databases and containers can be restored into the same account"
);
rule!(
    REQ_IN_ACCOUNT_PARENT,
    "restore-request.in-account-parent-first",
    Error,
    IAI,
    "a container's database must exist before the container is restored: restore the database first"
);
rule!(
    REQ_IN_ACCOUNT_SAME_TIME,
    "restore-request.in-account-same-timestamp",
    Warning,
    IAFAQ,
    "a database and its containers should be restored to the same timestamp"
);
rule!(
    REQ_IN_ACCOUNT_NOT_AT_TIMESTAMP,
    "restore-request.in-account-not-at-timestamp",
    Error,
    IAI,
    "an in-account restore timestamp must be one at which the resource existed in the account's current write region"
);
rule!(
    REQ_IN_ACCOUNT_TOO_MANY,
    "restore-request.in-account-too-many",
    Error,
    IAI,
    "at most 3 databases or containers can be restored in parallel in one account"
);

// PostgreSQL clusters.
rule!(
    PG_NOT_RESTORABLE_DELETED,
    "postgres.deleted-not-restorable",
    Info,
    PGB,
    "a deleted Azure Cosmos DB for PostgreSQL cluster can't be restored: protect it with a management lock"
);
rule!(
    PG_GEO_CMK,
    "postgres.geo-backup-cmk",
    Error,
    PGL,
    "geo-redundant backup is not supported with customer-managed keys"
);
rule!(
    PG_GEO_BURSTABLE,
    "postgres.geo-backup-burstable",
    Error,
    PGL,
    "geo-redundant backup is not available on a burstable single-node cluster"
);
rule!(
    PG_GEO_CHANGE,
    "postgres.geo-backup-creation-only",
    Error,
    PGL,
    "geo-redundant backup can be chosen only when a cluster is created (or restored) and can't be disabled"
);
rule!(
    PG_DATA_LOSS,
    "postgres.data-loss-without-ha",
    Info,
    PGB,
    "without high availability, a catastrophic node event can lose up to 5 minutes of data"
);
rule!(
    PG_FAILOVER,
    "postgres.failover-caveat",
    Info,
    PGB,
    "a restore to a point earlier than the latest failover may need a support request"
);
rule!(
    PG_RESTORE_SCOPE,
    "postgres.restore-other-resource-group",
    Error,
    PGB,
    "a cluster restore creates the new cluster in the original's subscription and resource group"
);
rule!(
    PG_OUTSIDE,
    "postgres.restore-outside-window",
    Error,
    PGB,
    "`pointInTimeUTC` lies outside the cluster's 35-day restore window"
);

/// Every restore rule, for the catalogue.
pub const RULES: &[Rule] = &[
    NOW_MISSING,
    RULE_SET_UNKNOWN,
    LEGACY_RULE_SET,
    ACCOUNT_DELETED,
    DELETED_EXPIRED,
    WINDOW_EMPTY,
    LRT_EPOCH,
    EPOCH_TIMESTAMP,
    MIGRATION_GAP,
    PERIODIC_RAISE_RETENTION,
    PERIODIC_INCIDENT_ROLLED_OVER,
    PERIODIC_SUPPORT_TICKET,
    PERIODIC_SCHEDULE_ASSUMED,
    PERIODIC_POINTS_CAPPED,
    LAST_BACKUP_AFTER_NOW,
    EVENT_RESTORE_POINT,
    EVENT_NOT_FOUND,
    EVENT_OUTSIDE_WINDOW,
    EVENT_TIMESTAMP_INVALID,
    REQ_PARAMETERS_MISSING,
    REQ_MODE,
    REQ_SOURCE_MISSING,
    REQ_SOURCE_FORM,
    REQ_LOCATION,
    REQ_TARGET_REGION,
    REQ_SOURCE_PERIODIC,
    REQ_TARGET_EXISTS,
    REQ_RESOURCE_NOT_AT_TIMESTAMP,
    REQ_RESOURCE_NOT_LISTED,
    REQ_API_UNKNOWN,
    REQ_CROSS_SUBSCRIPTION,
    REQ_TIMESTAMP_MISSING,
    REQ_TIMESTAMP_OUTSIDE,
    REQ_REGION_ABSENT,
    REQ_LIST_API,
    REQ_LISTS_EXCLUSIVE,
    REQ_SHARED_SUBSET,
    REQ_CASSANDRA,
    REQ_TTL,
    REQ_NO_SOURCE_WINDOW,
    REQ_IN_ACCOUNT_LIVE,
    REQ_IN_ACCOUNT_PARENT,
    REQ_IN_ACCOUNT_SAME_TIME,
    REQ_IN_ACCOUNT_NOT_AT_TIMESTAMP,
    REQ_IN_ACCOUNT_TOO_MANY,
    PG_NOT_RESTORABLE_DELETED,
    PG_GEO_CMK,
    PG_GEO_BURSTABLE,
    PG_GEO_CHANGE,
    PG_DATA_LOSS,
    PG_FAILOVER,
    PG_RESTORE_SCOPE,
    PG_OUTSIDE,
];
