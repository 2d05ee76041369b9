using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Cadre.Web.Tests.Infrastructure;

/// <summary>Reading API answers in tests: the status first, with the body in the failure message.</summary>
public static class Rest
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await ExpectStatusAsync(response, expected);
        var value = await response.Content.ReadFromJsonAsync<T>(Json);
        return value ?? throw new InvalidOperationException("Empty body");
    }

    public static async Task ExpectStatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>Checks the status and that the body is a ProblemDetails (application/problem+json), and returns it.</summary>
    public static async Task<ValidationProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await ExpectStatusAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.NotNull(problem);
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title), "a ProblemDetails has a title");
        return problem;
    }

    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

/// <summary>
/// The same helpers under their first name (the identity tests use it through an alias). Inside
/// namespaces under Cadre.Web.Tests.Api the name clashes with the namespace: prefer <see cref="Rest"/>.
/// </summary>
public static class Api
{
    public static JsonSerializerOptions Json => Rest.Json;

    public static Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => Rest.ReadAsync<T>(response, expected);

    public static Task ExpectStatusAsync(HttpResponseMessage response, HttpStatusCode expected) => Rest.ExpectStatusAsync(response, expected);

    public static Task<ValidationProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected) => Rest.ProblemAsync(response, expected);

    public static StringContent RawJson(string json) => Rest.RawJson(json);
}
