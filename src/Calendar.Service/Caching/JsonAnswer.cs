using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Calendar.Service.Caching;

/// <summary>A JSON answer as the bytes sent, with their strong ETag: kept in a <see cref="BuiltOnceCache{TKey, TValue}"/> and handed out as a file result, which answers If-None-Match with 304.</summary>
internal sealed record JsonAnswer(byte[] Bytes, EntityTagHeaderValue ETag)
{
    /// <summary>What <c>TypedResults.Ok</c> sends for the same body.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary><paramref name="value"/> serialized with the endpoints' options, its ETag a hash of the bytes (exact whatever changed them).</summary>
    public static JsonAnswer Of<T>(T value, JsonSerializerOptions json)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, json);
        return new JsonAnswer(bytes, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\""));
    }

    /// <summary>The bytes, or 304 when If-None-Match names them (the framework's file result decides).</summary>
    public FileContentHttpResult ToResult() => TypedResults.Bytes(Bytes, ContentType, entityTag: ETag);
}
