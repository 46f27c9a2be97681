using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Calendar.Service.Page;

internal static class PageServices
{
    /// <summary>
    /// Razor components render and encode every text; letters of every script are kept as they are (Cyrillic and
    /// Kazakh stay readable in the source, and the email stays small), markup characters are always encoded.
    /// </summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The page, the self-service pages (Razor components through <c>RazorComponentResult</c>) and their encoder.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton(Encoder);
        return services;
    }
}
