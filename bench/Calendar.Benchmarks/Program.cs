using BenchmarkDotNet.Running;

// `bench/run.sh` runs them all and checks the ratio targets; arguments go to BenchmarkDotNet (--filter, --job short).
BenchmarkSwitcher.FromAssembly(typeof(Calendar.Benchmarks.UpcomingQueryBenchmarks).Assembly).Run(args);
