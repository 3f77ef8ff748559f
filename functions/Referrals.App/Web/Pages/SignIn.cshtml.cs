using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Referrals.Contracts;
using Referrals.App.Security;
using Referrals.App.Web.Auth;
using Referrals.Domain.Directory;
using Referrals.Domain.Model;

namespace Referrals.App.Web.Pages;

/// <summary>
/// Sign-in. In Development a person picks a role and its scope (the same claims the Development token carries);
/// elsewhere the page hands over to the OpenID Connect scheme when it is configured.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IHostEnvironment environment, IAuthenticationSchemeProvider schemes, MscDirectory mscs)
    : PageModel
{
    [BindProperty]
    public DevSignInForm Form { get; set; } = new();

    public bool DevSignIn => environment.IsDevelopment();

    public IReadOnlyList<MigrationServiceCentre> Mscs => mscs.All;

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        Form.ReturnUrl = returnUrl;
        if (DevSignIn)
        {
            return Page();
        }

        return await schemes.GetSchemeAsync(WebAuth.OpenIdScheme) is null
            ? Page()
            : Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, WebAuth.OpenIdScheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!DevSignIn)
        {
            return NotFound();
        }

        if (!RoleNames.TryParse(Form.Role, out var role))
        {
            ModelState.AddModelError("Form.Role", "Choose a role.");
        }
        else if (role == Role.Scout && string.IsNullOrWhiteSpace(Form.Organisation))
        {
            ModelState.AddModelError("Form.Organisation", "A scout needs an organisation.");
        }
        else if (role == Role.Advisor && mscs.Find(Form.Msc) is null)
        {
            ModelState.AddModelError("Form.Msc", "An advisor needs an MSC from the directory.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var claims = new List<Claim>
        {
            new(ReferralClaims.Subject, Form.Subject),
            new(ReferralClaims.Role, role.ToName()),
        };
        if (role == Role.Scout)
        {
            claims.Add(new Claim(ReferralClaims.Organisation, Form.Organisation!.Trim()));
        }
        else if (role == Role.Advisor)
        {
            claims.Add(new Claim(ReferralClaims.Msc, mscs.Find(Form.Msc)!.Id));
        }

        var identity = new ClaimsIdentity(claims, WebAuth.CookieScheme, ReferralClaims.Subject, ReferralClaims.Role);
        await HttpContext.SignInAsync(WebAuth.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Local(Form.ReturnUrl));
    }

    private string Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
