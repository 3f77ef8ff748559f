using Referrals.App.Api;
using Referrals.App.Hosting;
using Referrals.App.Referrals;

var builder = WebApplication.CreateBuilder(args);
builder.AddReferralsHosting();
builder.AddReferralWorkflow();
builder.AddReferralsApi();

var app = builder.Build();
app.UseReferralsApi();
app.MapReferralsHosting();
app.MapReferralsApi();
app.MapReferralWebhooks();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
