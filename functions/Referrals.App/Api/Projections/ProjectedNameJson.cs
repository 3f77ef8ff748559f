using System.Text.Json;

namespace Referrals.App.Api.Projections;

/// <summary>How the list row's name column is serialized before it is protected (and read after).</summary>
internal static class ProjectedNameJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
