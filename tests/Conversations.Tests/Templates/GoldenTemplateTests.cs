using System.Reflection;
using GroupBuy.Conversations.Templates;
using GroupBuy.Testing;
using Xunit;

namespace GroupBuy.Conversations.Tests.Templates;

/// <summary>
/// Every default template in <c>templates/</c> is rendered with a fixed model and compared to
/// <c>Golden/name[.case].out.txt</c>. A template without a golden file fails the build.
/// </summary>
public sealed class GoldenTemplateTests
{
    /// <summary>Set to 1 to rewrite the golden files from the templates (<c>GROUPBUY_UPDATE_GOLDEN=1 dotnet test</c>).</summary>
    public const string UpdateVariable = "GROUPBUY_UPDATE_GOLDEN";

    private static readonly MessageTemplates Templates = new(new DefaultTemplates(RepositoryPaths.Templates), new TemplateLimits());

    private static readonly MethodInfo RenderMethod = typeof(MessageTemplates).GetMethods()
        .Single(m => m.Name == nameof(MessageTemplates.RenderAsync) && m.IsGenericMethodDefinition);

    /// <summary>The golden cases: file name → model. Add one for every new template.</summary>
    public static TheoryData<string, object> Cases
    {
        get
        {
            var cases = new TheoryData<string, object>();
            foreach (var sample in TemplateSamples.All)
            {
                cases.Add(sample.Name, sample.Model);
            }

            return cases;
        }
    }


    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Template_renders_its_golden_output(string caseName, object model)
    {
        var output = await RenderAsync(model);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            // A reviewed change of wording: write the new output, then read the diff before committing it.
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "Conversations.Tests", "Templates", "Golden", caseName + ".out.txt"), output + "\n");
        }

        var expected = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Templates", "Golden", caseName + ".out.txt"));
        Assert.Equal(expected.TrimEnd('\n'), output);
    }

    [Fact]
    public void Every_default_template_has_a_golden_case()
    {
        var covered = Cases.Select(c => ((string)c[0]).Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var names = new DefaultTemplates(RepositoryPaths.Templates).Names;

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, covered));
    }

    [Fact]
    public void Every_default_template_compiles()
    {
        var defaults = new DefaultTemplates(RepositoryPaths.Templates);

        Assert.All(defaults.Names, name => Assert.Empty(Templates.Check(defaults.Find(name)!)));
    }

    // MessageTemplates.RenderAsync<TModel> made for the model's own type, so a new template needs a case and nothing else.
    private static Task<string> RenderAsync(object model) =>
        (Task<string>)RenderMethod.MakeGenericMethod(model.GetType()).Invoke(Templates, [model, CancellationToken.None])!;
}
