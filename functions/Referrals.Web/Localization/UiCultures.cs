using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Referrals.Web.Localization;

/// <summary>
/// The interface languages: Serbian Latin, English and German. A choice made on a page is kept in the culture
/// cookie; without one the browser's languages decide, matched by language so "sr-RS" or "sr" finds Serbian Latin
/// and "de-AT" finds German.
/// </summary>
public static class UiCultures
{
    public const string SerbianLatin = "sr-Latn";
    public const string English = "en";
    public const string German = "de";

    public static IReadOnlyList<string> All { get; } = [SerbianLatin, English, German];

    public static RequestLocalizationOptions CreateOptions()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = Request(English),
            SupportedCultures = [.. All.Select(tag => CultureInfo.GetCultureInfo(FormattingCulture(tag)))],
            SupportedUICultures = [.. All.Select(CultureInfo.GetCultureInfo)],
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(context => Task.FromResult(
                Match(context.Request.Headers.AcceptLanguage) is { } tag
                    ? new ProviderCultureResult(FormattingCulture(tag), tag)
                    : null)),
        ];
        return options;
    }

    /// <summary>The culture dates and numbers are written in for an interface language: English pages are read in
    /// Europe, so they write dates the British way (day first, 24-hour clock).</summary>
    public static string FormattingCulture(string tag) => tag == English ? "en-GB" : tag;

    /// <summary>The request culture (formatting and interface) of an interface language.</summary>
    public static RequestCulture Request(string tag) => new(FormattingCulture(tag), tag);

    /// <summary>The supported culture for an Accept-Language header: the first entry (by quality) whose language
    /// we have; null when none.</summary>
    public static string? Match(IList<string>? acceptLanguage)
    {
        if (acceptLanguage is null || !StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var parsed))
        {
            return null;
        }

        return parsed
            .Where(v => v.Quality is null or > 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => ForTag(v.Value.Value))
            .FirstOrDefault(c => c is not null);
    }

    /// <summary>The supported culture for a language tag by its language part ("sr-Cyrl-RS" → sr-Latn).</summary>
    public static string? ForTag(string? tag)
    {
        var language = tag?.Split('-', 2)[0].ToLowerInvariant();
        return language switch
        {
            "sr" or "sh" or "bs" or "hr" => SerbianLatin,
            "en" => English,
            "de" => German,
            _ => null,
        };
    }
}
