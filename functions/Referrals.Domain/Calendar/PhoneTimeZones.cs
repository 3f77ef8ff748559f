using System.Collections.Frozen;
using NodaTime;
using PhoneNumbers;

namespace Referrals.Domain.Calendar;

/// <summary>
/// The time zone a phone is most likely in, for quiet hours: libphonenumber's prefix → time-zone data, narrowed to
/// one IANA zone that NodaTime's tzdb knows.
/// </summary>
public static class PhoneTimeZones
{
    // Countries whose numbers map to several zones: a returnee abroad is on the mainland far more often than on
    // the islands or east of the Urals.
    private static readonly FrozenDictionary<string, string> MainZoneByRegion = new Dictionary<string, string>
    {
        ["ES"] = "Europe/Madrid",
        ["PT"] = "Europe/Lisbon",
        ["RU"] = "Europe/Moscow",
    }.ToFrozenDictionary();

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper Mapper = PhoneNumberToTimeZonesMapper.GetInstance();

    /// <summary>
    /// The IANA zone of <paramref name="e164"/> (+49… Europe/Berlin, +381… Europe/Belgrade), or
    /// <paramref name="fallback"/> when the number cannot be parsed or placed.
    /// </summary>
    public static string ForNumber(string e164, string fallback = TimeZones.Belgrade)
    {
        PhoneNumber number;
        try
        {
            number = Util.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return fallback;
        }

        var zones = Mapper.GetTimeZonesForNumber(number)
            .Where(zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null)
            .ToList();
        if (zones.Count == 1)
        {
            return zones[0];
        }

        var region = Util.GetRegionCodeForNumber(number);
        if (region is not null && MainZoneByRegion.TryGetValue(region, out var main))
        {
            return main;
        }

        return zones.Find(zone => zone.StartsWith("Europe/", StringComparison.Ordinal)) ?? zones.FirstOrDefault() ?? fallback;
    }
}
