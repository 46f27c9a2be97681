namespace Calendar.Service.Tests;

public class PublicAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:8080", "http://localhost:8080/")]
    [InlineData("http://127.0.0.1:8080;https://127.0.0.1:8443", "https://127.0.0.1:8443/")]
    public void Derive_PrefersHttpsAndKeepsTheListeningHost(string listening, string expected) =>
        Assert.Equal(new Uri(expected), PublicAddress.Derive(listening.Split(';')));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:8080")]
    public void Derive_NamesThisMachineForAWildcardHost(string listening) =>
        Assert.Equal(new Uri($"http://{Dns.GetHostName()}:8080/"), PublicAddress.Derive([listening]));

    [Fact]
    public void BaseUrl_IsWhereTheServiceListens_WhenPublicBaseUrlIsNotSet()
    {
        using var app = new CalendarApplication().Start();

        Assert.Equal(app.BaseAddress, app.Get<PublicAddress>().BaseUrl);
    }

    [Fact]
    public void BaseUrl_IsPublicBaseUrl_WithAFolderKeptAsAFolder()
    {
        using var app = new CalendarApplication().With("Calendar:PublicBaseUrl", "https://calendar.example.org/mfa").Start();

        Assert.Equal("https://calendar.example.org/mfa/subscriptions/confirm?token=t", app.Get<PublicAddress>().Link("subscriptions/confirm?token=t").AbsoluteUri);
    }
}
