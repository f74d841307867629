namespace GroupBuy.Testing;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds GroupBuy.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GroupBuy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tests run from inside the repository; GroupBuy.sln was not found above " + AppContext.BaseDirectory);
    }
}
