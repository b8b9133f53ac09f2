using System.Text;
using System.Xml;

namespace Workflows.Host.Http;

/// <summary>Reads a BPMN body: <c>application/xml</c> or <c>text/xml</c> only, well-formed, no DTD.</summary>
public static class XmlBody
{
    public static readonly string[] ContentTypes = ["application/xml", "text/xml"];

    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = request.ContentType is { } ct0 && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(ct0, out var parsed)
            ? parsed.MediaType.Value : null;
        if (mediaType is null || !ContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            throw new BadHttpRequestException(
                $"Send the BPMN document as {string.Join(" or ", ContentTypes)}; got '{request.ContentType ?? "(none)"}'.",
                StatusCodes.Status415UnsupportedMediaType);

        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var xml = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(xml)) throw new BadHttpRequestException("The BPMN document is empty.");
        return xml;
    }

    /// <summary>Null when the text is well-formed XML; else the parser's reason (line and position).</summary>
    public static string? WellFormednessError(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
            });
            while (reader.Read()) { }
            return null;
        }
        catch (XmlException e)
        {
            return e.Message;
        }
    }
}
