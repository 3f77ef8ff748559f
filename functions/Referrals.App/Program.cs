using Referrals.App.Api;
using Referrals.App.Hosting;
using Referrals.App.Referrals;
using Referrals.App.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddReferralsHosting();
builder.AddReferralWorkflow();
builder.AddReferralsApi();
builder.AddReferralsWeb();

var app = builder.Build();
app.UseReferralsApi();
app.MapReferralsHosting();
app.MapReferralsApi();
app.MapReferralWebhooks();
app.MapReferralsWeb();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
