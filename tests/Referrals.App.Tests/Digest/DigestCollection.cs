using Referrals.Testing;

namespace Referrals.App.Tests.Digest;

/// <summary>One Azurite and one MailDev for the digest tests, which run one after another so each sees only its own mail.</summary>
[CollectionDefinition(Name)]
public sealed class DigestCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<MailDevFixture>
{
    public const string Name = "digest";
}
