using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Referrals.Contracts;

namespace Referrals.Web.Api;

/// <summary>
/// The directory and lists the pages show (MSCs, municipalities, arrival points, the checklist per language), read
/// from the API and kept briefly in memory. None of it is personal, so one person's read serves everyone.
/// </summary>
public sealed class ReferenceData(IReferralsApi api, IMemoryCache cache, IOptions<WebOptions> options)
{
    public Task<IReadOnlyList<MscResponse>> MscsAsync(CancellationToken cancellationToken) =>
        GetAsync("mscs", api.GetMscsAsync, cancellationToken);

    /// <summary>The MSC directory if a recent read is in memory (the sign-in page then needs no token for it).</summary>
    public IReadOnlyList<MscResponse>? CachedMscs =>
        cache.TryGetValue(CacheKey("mscs"), out IReadOnlyList<MscResponse>? cached) ? cached : null;

    public Task<IReadOnlyList<MunicipalityResponse>> MunicipalitiesAsync(CancellationToken cancellationToken) =>
        GetAsync("municipalities", api.GetMunicipalitiesAsync, cancellationToken);

    public Task<IReadOnlyList<ArrivalPointResponse>> ArrivalPointsAsync(CancellationToken cancellationToken) =>
        GetAsync("arrival-points", api.GetArrivalPointsAsync, cancellationToken);

    public Task<ChecklistResponse> ChecklistAsync(string language, CancellationToken cancellationToken) =>
        GetAsync($"checklist:{language}", ct => api.GetChecklistAsync(language, ct), cancellationToken);

    private async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        var cacheKey = CacheKey(key);
        if (cache.TryGetValue(cacheKey, out T? cached) && cached is not null)
        {
            return cached;
        }

        var value = await read(cancellationToken);
        var seconds = options.Value.ReferenceDataCacheSeconds;
        if (seconds > 0)
        {
            cache.Set(cacheKey, value, TimeSpan.FromSeconds(seconds));
        }

        return value;
    }

    private static string CacheKey(string key) => $"referrals.reference:{key}";
}
