using System.Collections;
using System.Reflection;
using Scriban.Runtime;

namespace GroupBuy.Conversations.Templates;

/// <summary>
/// Which message model each template renders, and so which variables it offers: read off the
/// model records themselves, so the list beside the editor can never disagree with the code.
/// </summary>
public static class TemplateCatalog
{
    private static readonly IReadOnlyDictionary<string, Type> Models = typeof(IMessageModel).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessageModel).IsAssignableFrom(t))
        .ToDictionary(t => (string)t.GetProperty(nameof(IMessageModel.TemplateName), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)Models.Keys;

    public static Type? ModelOf(string name) => Models.GetValueOrDefault(name);

    /// <summary>The template a model renders.</summary>
    public static string NameOf(IMessageModel model) =>
        (string)model.GetType().GetProperty(nameof(IMessageModel.TemplateName), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The variables of the template's model, in declaration order; empty for an unknown name.</summary>
    public static IReadOnlyList<TemplateVariable> VariablesOf(string name) =>
        ModelOf(name) is { } type ? Describe(type, depth: 0) : [];

    private static List<TemplateVariable> Describe(Type type, int depth) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => Variable(p, depth))];

    private static TemplateVariable Variable(PropertyInfo property, int depth)
    {
        var name = StandardMemberRenamer.Default(property);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(string))
        {
            return new(name, "文字", []);
        }

        if (type == typeof(bool))
        {
            return new(name, "是/否", []);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return new(name, "数字", []);
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            return element == typeof(string) ? new(name, "文字列表", [])
                : depth < 2 ? new(name, "列表，每项有", Describe(element, depth + 1))
                : new(name, "列表", []);
        }

        return depth < 2 ? new(name, "包含", Describe(type, depth + 1)) : new(name, "对象", []);
    }
}
