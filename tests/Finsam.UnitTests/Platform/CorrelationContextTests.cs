using Finsam.Platform.Correlation;

namespace Finsam.UnitTests.Platform;

public sealed class CorrelationContextTests
{
    [Theory]
    [InlineData("abc123")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("req_1.2-3")]
    [InlineData("a")]
    public void Plain_ids_are_accepted(string id) => Assert.True(CorrelationContext.IsValid(id));

    [Fact]
    public void Sixty_four_characters_is_the_limit()
    {
        Assert.True(CorrelationContext.IsValid(new string('a', 64)));
        Assert.False(CorrelationContext.IsValid(new string('a', 65)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData(" leading")]
    [InlineData("line\nbreak")]
    [InlineData("abc\n")] // '$' in a .NET regex also matches before a final newline
    [InlineData("abc\r\n")]
    [InlineData("tab\there")]
    [InlineData("<script>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("id\";drop")]
    [InlineData("åäö")]
    [InlineData("abc\u0000")]
    public void Anything_else_is_refused(string? id) => Assert.False(CorrelationContext.IsValid(id));

    [Fact]
    public void New_ids_are_valid_and_distinct()
    {
        var first = CorrelationContext.NewId();
        var second = CorrelationContext.NewId();

        Assert.True(CorrelationContext.IsValid(first));
        Assert.NotEqual(first, second);
    }
}
