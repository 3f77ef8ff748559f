// Each test starts Azurite, MailDev, the SMS sandbox and one or two hosts with the Durable Task engine; on two shared
// cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
