using Cadre.Text.Diff;
using CsCheck;

namespace Cadre.Text.Tests.Diff;

public class MyersTests
{
    [Fact]
    public void Myers_gives_a_script_as_short_as_the_longest_common_subsequence_allows() =>
        Gen.Select(Gen.Int[0, 4].Array[0, 60], Gen.Int[0, 4].Array[0, 60]).Sample((a, b) =>
        {
            var deleted = new bool[a.Length];
            var inserted = new bool[b.Length];
            Myers.Diff(a, 0, a.Length, b, 0, b.Length, deleted, inserted);
            var kept = a.Where((_, i) => !deleted[i]).ToArray();
            Assert.Equal(kept, b.Where((_, j) => !inserted[j]).ToArray());
            Assert.Equal(Lcs(a, b), kept.Length);
        }, iter: 3000);

    private static int Lcs(int[] a, int[] b)
    {
        var dp = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                dp[i, j] = a[i - 1] == b[j - 1] ? dp[i - 1, j - 1] + 1 : Math.Max(dp[i - 1, j], dp[i, j - 1]);
            }
        }
        return dp[a.Length, b.Length];
    }
}
