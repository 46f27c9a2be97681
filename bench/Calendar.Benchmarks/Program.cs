using System.Globalization;
using BenchmarkDotNet.Running;
using Calendar.Benchmarks;

// `bench/run.sh` runs them all and checks the ratio targets; arguments go to BenchmarkDotNet (--filter, --job short).
// `world-baseline FACTS TODAY YEARS` is the end-to-end benchmark's yardstick for a feed build (bench/e2e.py).
return args is ["world-baseline", var folder, var today, var years]
    ? WorldBaseline.Run(folder, today, int.Parse(years, CultureInfo.InvariantCulture))
    : Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(UpcomingQueryBenchmarks).Assembly).Run(args);
    return 0;
}
