using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Sms.Text;

namespace Referrals.Sms.Tests.Text;

public sealed class SmsTextPreparerTests
{
    private const string SerbianLatin =
        "Poštovani, vaš savetnik u NSZ Niš očekuje vas u ponedeljak u 9 časova. Ponesite ličnu kartu, " +
        "đačke knjižice dece i svedočanstva. Hvala!";

    private static SmsTextPreparer Preparer(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSmsText();
        return services.BuildServiceProvider().GetRequiredService<SmsTextPreparer>();
    }

    [Fact]
    public void Serbian_Latin_with_transliteration_is_GSM7_and_needs_fewer_segments()
    {
        var without = Preparer().Prepare(SerbianLatin, "sr-Latn");
        var with = Preparer(("Sms:Transliterate:sr-Latn", "true")).Prepare(SerbianLatin, "sr-Latn");

        Assert.Equal(SmsEncoding.Ucs2, without.Analysis.Encoding);
        Assert.False(without.Transliterated);
        Assert.Equal(SerbianLatin, without.Text);
        Assert.Equal(SmsEncoding.Gsm7, with.Analysis.Encoding);
        Assert.True(with.Transliterated);
        Assert.StartsWith("Postovani, vas savetnik u NSZ Nis ocekuje", with.Text, StringComparison.Ordinal);
        Assert.True(with.Analysis.Segments < without.Analysis.Segments,
            $"{with.Analysis.Segments} segments with transliteration, {without.Analysis.Segments} without");
    }

    [Fact]
    public void Cyrillic_is_left_alone_by_default_even_when_Latin_is_transliterated()
    {
        var prepared = Preparer(("Sms:Transliterate:sr-Latn", "true")).Prepare("Добродошли у Ниш", "sr-Cyrl");

        Assert.Equal("Добродошли у Ниш", prepared.Text);
        Assert.Equal(SmsEncoding.Ucs2, prepared.Analysis.Encoding);
    }

    [Fact]
    public void Cyrillic_is_transliterated_when_configured_for_sr_Cyrl()
    {
        var prepared = Preparer(("Sms:Transliterate:sr-Cyrl", "true")).Prepare("Добродошли у Ниш", "sr-Cyrl");

        Assert.Equal("Dobrodosli u Nis", prepared.Text);
        Assert.Equal(SmsEncoding.Gsm7, prepared.Analysis.Encoding);
    }

    [Fact]
    public void Language_keys_match_regardless_of_case()
    {
        var prepared = Preparer(("Sms:Transliterate:SR-LATN", "true")).Prepare("Niš", "sr-Latn");

        Assert.Equal("Nis", prepared.Text);
    }

    [Fact]
    public void Transliteration_is_skipped_when_it_cannot_reach_GSM7()
    {
        var prepared = Preparer(("Sms:Transliterate:sr-Latn", "true")).Prepare("Srećan put 😀", "sr-Latn");

        Assert.Equal("Srećan put 😀", prepared.Text);
        Assert.False(prepared.Transliterated);
    }

    [Fact]
    public void Text_already_in_GSM7_is_unchanged()
    {
        var prepared = Preparer(("Sms:Transliterate:de", "true")).Prepare("Grüße aus Köln", "de");

        Assert.Equal("Grüße aus Köln", prepared.Text);
        Assert.False(prepared.Transliterated);
        Assert.Equal(SmsEncoding.Gsm7, prepared.Analysis.Encoding);
    }

    [Fact]
    public void A_language_explicitly_switched_off_keeps_its_diacritics()
    {
        var prepared = Preparer(("Sms:Transliterate:sr-Latn", "false")).Prepare("Niš", "sr-Latn");

        Assert.Equal("Niš", prepared.Text);
    }
}
