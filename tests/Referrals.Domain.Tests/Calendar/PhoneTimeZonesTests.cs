using Referrals.Domain.Calendar;

namespace Referrals.Domain.Tests.Calendar;

public sealed class PhoneTimeZonesTests
{
    [Theory]
    [InlineData("+4915199990001", TimeZones.Berlin)]
    [InlineData("+4917099990001", TimeZones.Berlin)]
    [InlineData("+493099990001", TimeZones.Berlin)]
    [InlineData("+381609990001", TimeZones.Belgrade)]
    [InlineData("+381115550001", TimeZones.Belgrade)]
    [InlineData("+436641234567", "Europe/Vienna")]
    [InlineData("+38761999001", "Europe/Sarajevo")]
    // Countries with several zones map to the mainland one.
    [InlineData("+34612345678", "Europe/Madrid")]
    [InlineData("+351912345678", "Europe/Lisbon")]
    [InlineData("+79123456789", "Europe/Moscow")]
    public void ForNumber_maps_a_number_to_its_country_zone(string phone, string zone)
    {
        Assert.Equal(zone, PhoneTimeZones.ForNumber(phone));
    }

    [Theory]
    [InlineData("not a number")]
    [InlineData("+4915")]
    public void ForNumber_falls_back_when_the_number_cannot_be_placed(string phone)
    {
        Assert.Equal(TimeZones.Belgrade, PhoneTimeZones.ForNumber(phone));
        Assert.Equal(TimeZones.Berlin, PhoneTimeZones.ForNumber(phone, TimeZones.Berlin));
    }
}
