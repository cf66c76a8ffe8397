namespace Finsam.Testing;

/// <summary>Finds the repository root and the built service assemblies, in the configuration the tests were built in.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>"Debug" or "Release", read from where this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The folder holding Finsam.{Name}.dll, e.g. ServiceOutput("services/participants", "Participants").</summary>
    public static string ServiceOutput(string folder, string name) =>
        Path.Combine(Root, folder, $"Finsam.{name}", "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Finsam.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Finsam.slnx not found above " + AppContext.BaseDirectory);
    }
}
