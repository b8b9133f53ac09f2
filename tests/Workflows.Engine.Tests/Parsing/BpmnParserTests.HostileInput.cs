using System.Diagnostics;
using System.Text;
using Workflows.Engine.Parsing;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>Uploaded files are untrusted: every bad input is an error result, never an exception or a hang.</summary>
public sealed partial class BpmnParserTests
{
    private static ValidationError DocumentError(ParseResult result)
    {
        Assert.Null(result.Definition);
        var error = Assert.Single(result.Errors);
        Assert.Null(error.ElementId);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }

    [Fact]
    public void An_external_entity_is_refused_and_nothing_is_read_from_disk()
    {
        var secret = Path.Combine(AppContext.BaseDirectory, "Parsing", "Fixtures", "supported-subset.bpmn");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <definitions {Bpmn.Namespaces}><process id="P" isExecutable="true" name="&xxe;" /></definitions>
            """;

        var error = DocumentError(Bpmn.Parse(xml));

        Assert.Contains("DTD", error.Message);
        Assert.DoesNotContain("Escalation", error.Message);
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_quickly()
    {
        var entities = new StringBuilder("""<!ENTITY lol0 "lol">""");
        for (var i = 1; i <= 9; i++) entities.Append($"""<!ENTITY lol{i} "&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};">""");
        var xml = $"""<?xml version="1.0"?><!DOCTYPE definitions [{entities}]><definitions {Bpmn.Namespaces}>&lol9;</definitions>""";
        var clock = Stopwatch.StartNew();

        var error = DocumentError(Bpmn.Parse(xml));

        Assert.Contains("DTD", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_unread()
    {
        var xml = Bpmn.Process(new string(' ', BpmnParserOptions.DefaultMaxSizeBytes));

        var error = DocumentError(Bpmn.Parse(xml));

        Assert.Contains("larger than the limit of 2097152 bytes", error.Message);
    }

    [Fact]
    public void The_size_limit_counts_utf8_bytes_and_can_be_lowered()
    {
        var xml = Bpmn.Fixture("supported-subset.bpmn");
        var limit = Encoding.UTF8.GetByteCount(xml) - 1;

        DocumentError(Bpmn.Parse(xml, new BpmnParserOptions { MaxSizeBytes = limit }));
        ParseAssert.Parsed(Bpmn.Parse(xml, new BpmnParserOptions { MaxSizeBytes = limit + 1 }));
    }

    [Fact]
    public async Task A_stream_over_the_size_limit_is_refused_without_reading_it_all()
    {
        var stream = new EndlessStream();

        var result = await BpmnParser.ParseAsync(stream, new BpmnParserOptions { MaxSizeBytes = 1000 });

        Assert.Contains("larger than the limit", DocumentError(result).Message);
        Assert.True(stream.BytesRead < 200_000);
    }

    [Fact]
    public async Task A_utf16_stream_is_decoded_from_its_byte_order_mark()
    {
        var xml = Bpmn.Fixture("supported-subset.bpmn").Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        using var stream = new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray());

        var result = await BpmnParser.ParseAsync(stream);

        Assert.Equal("Escalation", ParseAssert.Parsed(result).Id);
    }

    [Fact]
    public void Malformed_xml_is_one_error_with_line_and_position()
    {
        var xml = Bpmn.Process("""
            <startEvent id="Start">
            <endEvent id="End" />
            """);

        var error = DocumentError(Bpmn.Parse(xml));

        Assert.Equal("definitions", error.ElementType);
        Assert.Matches(@"not well-formed XML at line \d+, position \d+", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not xml at all")]
    [InlineData("{\"definitions\": []}")]
    [InlineData("<definitions")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("<a><b></a></b>")]
    public void Garbage_is_one_document_level_error(string garbage)
    {
        DocumentError(Bpmn.Parse(garbage));
    }

    [Fact]
    public async Task Random_bytes_are_one_document_level_error()
    {
        var random = new Random(20260101);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 4000)];
            random.NextBytes(bytes);
            DocumentError(await BpmnParser.ParseAsync(new MemoryStream(bytes)));
        }
    }

    [Theory]
    [InlineData("<html><body>Hello</body></html>", "html")]
    [InlineData("<definitions xmlns=\"http://www.omg.org/spec/DMN/20191111/MODEL/\" />", "definitions")]
    [InlineData("<process xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"P\" />", "process")]
    public void A_document_whose_root_is_not_bpmn_definitions_is_refused(string xml, string rootName)
    {
        var error = DocumentError(Bpmn.Parse(xml));

        Assert.Equal(rootName, error.ElementType);
        Assert.Contains("not BPMN 2.0", error.Message);
    }

    [Fact]
    public void Deeply_nested_elements_are_refused_quickly()
    {
        var xml = new StringBuilder($"<definitions {Bpmn.Namespaces}><process id=\"P\" isExecutable=\"true\">");
        for (var i = 0; i < 40_000; i++) xml.Append("<subProcess>");
        for (var i = 0; i < 40_000; i++) xml.Append("</subProcess>");
        xml.Append("</process></definitions>");
        var clock = Stopwatch.StartNew();

        var error = DocumentError(Bpmn.Parse(xml.ToString()));

        Assert.Contains("more than 128 deep", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Sub_processes_nested_beyond_the_limit_are_refused_at_the_first_one_too_deep()
    {
        const int depth = 40;
        var body = new StringBuilder();
        for (var i = 0; i < depth; i++) body.Append($"""<subProcess id="S{i}"><startEvent id="S{i}_Start" /><sequenceFlow id="S{i}_F1" sourceRef="S{i}_Start" targetRef="S{i + 1}" />""");
        body.Append($"""<userTask id="S{depth}" />""");
        for (var i = depth - 1; i >= 0; i--) body.Append("</subProcess>");

        var result = Bpmn.Parse(Bpmn.Around("S0", "S0", body.ToString()));

        ParseAssert.HasError(result, "S32", "subProcess", "nested more than 32 deep");
    }

    [Fact]
    public void A_null_argument_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => BpmnParser.Parse(null!));
    }

    /// <summary>A non-seekable stream that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'<', offset, count);
            BytesRead += count;
            return count;
        }
    }
}
