using Cadre.Core.Data;
using Cadre.Web.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cadre.Web.Tests.Identity;

public sealed class CookieOptionsTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Cadre.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static CookieAuthenticationOptions CookieFor(string environment)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<CadreDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, "Data Source=:memory:"));
        services.AddCadreIdentity(new Environment(environment));
        using var sp = services.BuildServiceProvider();
        return sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_sign_in_cookie_is_host_prefixed_secure_and_http_only_outside_plain_http_environments(string environment)
    {
        var cookie = CookieFor(environment);
        Assert.Equal("__Host-cadre-auth", cookie.Cookie.Name);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal("/", cookie.Cookie.Path);
        Assert.Null(cookie.Cookie.Domain);
        Assert.NotEqual(SameSiteMode.None, cookie.Cookie.SameSite);
        Assert.True(cookie.ExpireTimeSpan <= TimeSpan.FromHours(8));
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Development")]
    public void Over_plain_http_in_tests_and_development_the_cookie_has_no_host_prefix(string environment)
    {
        var cookie = CookieFor(environment);
        Assert.Equal("cadre-auth", cookie.Cookie.Name);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.Cookie.SecurePolicy);
    }

    [Fact]
    public void The_security_stamp_is_checked_every_minute()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<CadreDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, "Data Source=:memory:"));
        services.AddCadreIdentity(new Environment("Production"));
        using var sp = services.BuildServiceProvider();
        Assert.True(sp.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval <= TimeSpan.FromMinutes(1));
    }
}
