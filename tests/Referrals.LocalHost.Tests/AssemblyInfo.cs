// Each fixture starts Azurite and a host with the Durable Task engine; on two shared cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
