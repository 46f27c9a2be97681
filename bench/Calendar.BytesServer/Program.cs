using System.Security.Cryptography;

// The least a server can do to answer the benchmark's requests: the bytes the service answered, from memory, with
// a strong ETag and 304 for a matching If-None-Match. The service's throughput is measured against this one's.
//   Calendar.BytesServer MANIFEST --urls http://127.0.0.1:PORT
// MANIFEST has one line per URL: path-and-query, a tab, the file holding the body, a tab, the content type.
var manifest = args.Length > 0 ? args[0] : throw new ArgumentException("usage: Calendar.BytesServer MANIFEST --urls URL");
var bodies = new Dictionary<string, (byte[] Bytes, string ETag, string ContentType)>(StringComparer.Ordinal);
foreach (var line in File.ReadLines(manifest).Where(line => line.Length > 0))
{
    var fields = line.Split('\t');
    var bytes = File.ReadAllBytes(fields[1]);
    bodies[fields[0]] = (bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"", fields[2]);
}

var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    var request = context.Request;
    if (!bodies.TryGetValue(request.Path + request.QueryString, out var body))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    context.Response.Headers.ETag = body.ETag;
    if (request.Headers.IfNoneMatch == body.ETag)
    {
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    context.Response.ContentType = body.ContentType;
    context.Response.ContentLength = body.Bytes.Length;
    return context.Response.Body.WriteAsync(body.Bytes).AsTask();
});
app.Run();
