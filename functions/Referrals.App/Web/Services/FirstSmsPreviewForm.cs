using Referrals.App.Api.Messaging;

namespace Referrals.App.Web.Services;

/// <summary>The in-process form's way to the API's <see cref="FirstSmsPreview"/> (until the pages move out).</summary>
public static class FirstSmsPreviewForm
{
    public static SmsPreview? For(this FirstSmsPreview previews, ReferralForm form)
    {
        ArgumentNullException.ThrowIfNull(previews);
        ArgumentNullException.ThrowIfNull(form);
        return previews.For(form.Municipality, form.ExpectedReturnDate, form.PreferredLanguage);
    }
}
