using Referrals.LocalHost;

var app = LocalFunctionsHost.Create(args);
await app.RunAsync();
