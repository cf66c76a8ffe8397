using Finsam.Participants.Application.Validation;
using Finsam.Platform.Validation;

namespace Finsam.UnitTests.Platform.Validation;

public sealed class EchoedInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("okänd-kod")]
    public void A_short_value_is_echoed_as_it_is(string value)
    {
        Assert.Equal(value, EchoedInput.Shorten(value));
    }

    [Fact]
    public void A_value_of_the_maximum_length_is_not_cut()
    {
        var value = new string('x', EchoedInput.MaxLength);

        Assert.Equal(value, EchoedInput.Shorten(value));
    }

    [Fact]
    public void A_longer_value_is_cut_at_the_maximum_with_an_ellipsis()
    {
        Assert.Equal(new string('x', EchoedInput.MaxLength) + "…", EchoedInput.Shorten(new string('x', 1000)));
    }

    [Fact]
    public void A_surrogate_pair_across_the_cut_is_left_out_whole()
    {
        var value = new string('x', EchoedInput.MaxLength - 1) + "😀" + "yyy";

        var shortened = EchoedInput.Shorten(value);

        Assert.Equal(new string('x', EchoedInput.MaxLength - 1) + "…", shortened);
    }
}
