using Referrals.Benchmarks;

return await BenchmarkCommand.RunAsync(args);
