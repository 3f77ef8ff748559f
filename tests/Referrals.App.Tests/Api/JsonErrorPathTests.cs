using Referrals.App.Api;

namespace Referrals.App.Tests.Api;

public sealed class JsonErrorPathTests
{
    [Theory]
    [InlineData("$.returnee.phone", "returnee.phone")]
    [InlineData("$.needs[2]", "needs[2]")]
    [InlineData("$.household.adults", "household.adults")]
    [InlineData("$['odd name'].x", "odd name.x")]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    [InlineData("", "$")]
    [InlineData("$.items[0].tags[3]", "items[0].tags[3]")]
    public void A_System_Text_Json_path_becomes_the_API_error_key(string? path, string key)
    {
        Assert.Equal(key, JsonErrorPath.ToKey(path));
    }
}
