namespace Referrals.Web;

/// <summary>The staff web app: Razor Pages over the public HTTP API.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddReferralsWeb();
        builder.Build().UseReferralsWeb().Run();
    }
}
