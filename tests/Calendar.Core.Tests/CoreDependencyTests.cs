using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NodaTime;

namespace Calendar.Core.Tests;

/// <summary>The core stays pure: NodaTime and the base class library, and nothing of either that does I/O or reads a clock.</summary>
/// <remarks>
/// Assembly names alone would let Core read files, <c>DateTime.Now</c> or <c>SystemClock.Instance</c> and pass, since the
/// BCL and NodaTime hold those too. So the test reads Core's metadata: every type and member it refers to, checked against
/// what a pure library must not touch. <see cref="ImpureSample"/> proves the check finds each kind of use.
/// </remarks>
public class CoreDependencyTests
{
    [Fact]
    public void Core_ReferencesOnlyNodaTimeAndTheBaseClassLibrary()
    {
        var references = typeof(Fact).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var others = references.Where(name => name != "NodaTime" && name != "netstandard" && !name.StartsWith("System", StringComparison.Ordinal));

        Assert.Empty(others);
        Assert.Contains("NodaTime", references);
    }

    [Fact]
    public void Core_NeitherDoesIoNorReadsAClock()
    {
        Assert.Empty(ImpureReferences(typeof(Fact).Assembly));
    }

    [Fact]
    public void TheCheck_FindsFilesClocksAndTheEnvironment()
    {
        var found = ImpureReferences(typeof(ImpureSample).Assembly);

        Assert.Contains("System.DateTime.get_Now", found);
        Assert.Contains("System.DateTimeOffset.get_UtcNow", found);
        Assert.Contains("NodaTime.SystemClock", found);
        Assert.Contains("System.IO.File", found);
        Assert.Contains("System.Environment", found);
        Assert.Contains("System.Net.Http.HttpClient", found);
        Assert.Contains("System.Console", found);
    }

    /// <summary>Types and members in <paramref name="assembly"/>'s metadata that a pure library must not use.</summary>
    private static SortedSet<string> ImpureReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var name = FullName(metadata, handle);
            if (IsImpureType(name))
            {
                found.Add(name);
            }
        }

        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                var name = $"{FullName(metadata, (TypeReferenceHandle)member.Parent)}.{metadata.GetString(member.Name)}";
                if (ClockReads.Contains(name))
                {
                    found.Add(name);
                }
            }
        }

        return found;
    }

    /// <summary>Reading "now" without an injected clock: NodaTime's IClock comes in from the host instead.</summary>
    private static readonly HashSet<string> ClockReads =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow",
        "System.TimeProvider.get_System", "System.Environment.get_TickCount", "System.Environment.get_TickCount64",
    ];

    private static readonly string[] ImpureNamespaces =
        ["System.IO.", "System.Net.", "System.Diagnostics.Process", "System.Threading.Timer", "System.Data.", "Microsoft.Win32."];

    private static readonly HashSet<string> ImpureTypes =
    [
        "NodaTime.SystemClock", "System.Console", "System.Environment", "System.Random", "System.Diagnostics.Stopwatch",
        "System.Threading.Thread", "System.Threading.Tasks.Task", "System.AppDomain", "System.Runtime.InteropServices.Marshal",
    ];

    // The one stream Core may hold is its own manifest resource (the reviewed country-name table, built into the
    // assembly): Stream alone reaches no file, socket or console; File, FileStream and readers over them stay forbidden.
    private static readonly HashSet<string> PureIoTypes = ["System.IO.Stream"];

    private static bool IsImpureType(string name) =>
        !PureIoTypes.Contains(name) && (ImpureTypes.Contains(name) || ImpureNamespaces.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        // A nested type is scoped by the type that holds it.
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{FullName(metadata, (TypeReferenceHandle)type.ResolutionScope)}+{name}"
            : $"{metadata.GetString(type.Namespace)}.{name}";
    }

    /// <summary>Everything the check must catch, used once each: this test assembly is scanned to prove the check works.</summary>
    private static class ImpureSample
    {
        public static object[] Use() =>
        [
            DateTime.Now,
            DateTimeOffset.UtcNow,
            SystemClock.Instance,
            File.Exists("x"),
            Environment.MachineName,
            new HttpClient(),
            Console.Out,
        ];
    }
}
