namespace Cadre.Text.Diff;

/// <summary>
/// Myers' O(ND) difference algorithm in linear space (the middle-snake divide and conquer of Myers 1986,
/// as in GNU diff): marks which elements of <c>a</c> are deleted and which of <c>b</c> are inserted.
/// Past a cost limit the middle snake is replaced by the furthest-reaching point, which keeps the
/// script valid but may make it slightly longer than minimal on huge, very different inputs.
/// </summary>
internal readonly struct Myers
{
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly bool[] _deleted;
    private readonly bool[] _inserted;
    private readonly int[] _fd;
    private readonly int[] _bd;
    private readonly int _offset;
    private readonly int _tooExpensive;

    private Myers(int[] a, int aStart, int aEnd, int[] b, int bStart, int bEnd, bool[] deleted, bool[] inserted, int[] fd, int[] bd)
    {
        _a = a;
        _b = b;
        _deleted = deleted;
        _inserted = inserted;
        var diagonals = aEnd - aStart + bEnd - bStart + 3;
        _fd = fd;
        _bd = bd;
        // Diagonal k = x - y ranges over [aStart - bEnd, aEnd - bStart]; shift it to index 1..
        _offset = bEnd - aStart + 1;
        var cost = 1;
        for (var d = diagonals; d != 0; d >>= 2)
        {
            cost <<= 1;
        }
        _tooExpensive = Math.Max(4096, cost);
    }

    /// <summary>Marks <paramref name="deleted"/>[i] for a[i] and <paramref name="inserted"/>[j] for b[j] in the ranges given.</summary>
    public static void Diff(int[] a, int aStart, int aEnd, int[] b, int bStart, int bEnd, bool[] deleted, bool[] inserted)
    {
        // Common prefix and suffix first: cheap, and most inputs are mostly equal.
        while (aStart < aEnd && bStart < bEnd && a[aStart] == b[bStart])
        {
            aStart++;
            bStart++;
        }
        while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] == b[bEnd - 1])
        {
            aEnd--;
            bEnd--;
        }
        if (aStart == aEnd || bStart == bEnd)
        {
            Mark(deleted, aStart, aEnd);
            Mark(inserted, bStart, bEnd);
            return;
        }
        // The frontier arrays are written before they are read: rented, not allocated, for the many small gaps.
        var diagonals = aEnd - aStart + bEnd - bStart + 3;
        var fd = System.Buffers.ArrayPool<int>.Shared.Rent(diagonals);
        var bd = System.Buffers.ArrayPool<int>.Shared.Rent(diagonals);
        try
        {
            new Myers(a, aStart, aEnd, b, bStart, bEnd, deleted, inserted, fd, bd).Compare(aStart, aEnd, bStart, bEnd);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(fd);
            System.Buffers.ArrayPool<int>.Shared.Return(bd);
        }
    }

    private static void Mark(bool[] flags, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            flags[i] = true;
        }
    }

    private void Compare(int xoff, int xlim, int yoff, int ylim)
    {
        while (true)
        {
            while (xoff < xlim && yoff < ylim && _a[xoff] == _b[yoff])
            {
                xoff++;
                yoff++;
            }
            while (xlim > xoff && ylim > yoff && _a[xlim - 1] == _b[ylim - 1])
            {
                xlim--;
                ylim--;
            }
            if (xoff == xlim || yoff == ylim)
            {
                Mark(_deleted, xoff, xlim);
                Mark(_inserted, yoff, ylim);
                return;
            }
            var (xmid, ymid) = MiddleSnake(xoff, xlim, yoff, ylim);
            // Recurse on the smaller half, loop on the other: bounded stack depth.
            if (xmid - xoff + ymid - yoff < xlim - xmid + ylim - ymid)
            {
                Compare(xoff, xmid, yoff, ymid);
                xoff = xmid;
                yoff = ymid;
            }
            else
            {
                Compare(xmid, xlim, ymid, ylim);
                xlim = xmid;
                ylim = ymid;
            }
        }
    }

    private (int X, int Y) MiddleSnake(int xoff, int xlim, int yoff, int ylim)
    {
        var fd = _fd;
        var bd = _bd;
        var o = _offset;
        var dmin = xoff - ylim;
        var dmax = xlim - yoff;
        var fmid = xoff - yoff;
        var bmid = xlim - ylim;
        int fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
        var odd = ((fmid - bmid) & 1) != 0;
        fd[o + fmid] = xoff;
        bd[o + bmid] = xlim;

        for (var c = 1; ; c++)
        {
            if (fmin > dmin)
            {
                fd[o + --fmin - 1] = -1;
            }
            else
            {
                ++fmin;
            }
            if (fmax < dmax)
            {
                fd[o + ++fmax + 1] = -1;
            }
            else
            {
                --fmax;
            }
            for (var d = fmax; d >= fmin; d -= 2)
            {
                int tlo = fd[o + d - 1], thi = fd[o + d + 1];
                var x = tlo >= thi ? tlo + 1 : thi;
                var y = x - d;
                while (x < xlim && y < ylim && _a[x] == _b[y])
                {
                    x++;
                    y++;
                }
                fd[o + d] = x;
                if (odd && bmin <= d && d <= bmax && bd[o + d] <= x)
                {
                    return (x, y);
                }
            }

            if (bmin > dmin)
            {
                bd[o + --bmin - 1] = int.MaxValue;
            }
            else
            {
                ++bmin;
            }
            if (bmax < dmax)
            {
                bd[o + ++bmax + 1] = int.MaxValue;
            }
            else
            {
                --bmax;
            }
            for (var d = bmax; d >= bmin; d -= 2)
            {
                int tlo = bd[o + d - 1], thi = bd[o + d + 1];
                var x = tlo < thi ? tlo : thi - 1;
                var y = x - d;
                while (x > xoff && y > yoff && _a[x - 1] == _b[y - 1])
                {
                    x--;
                    y--;
                }
                bd[o + d] = x;
                if (!odd && fmin <= d && d <= fmax && x <= fd[o + d])
                {
                    return (x, y);
                }
            }

            if (c >= _tooExpensive)
            {
                return BestPoint(xoff, xlim, yoff, ylim, fmin, fmax, bmin, bmax);
            }
        }
    }

    // GNU diff's heuristic: split at whichever frontier point has got furthest.
    private (int X, int Y) BestPoint(int xoff, int xlim, int yoff, int ylim, int fmin, int fmax, int bmin, int bmax)
    {
        var o = _offset;
        int fxybest = -1, fxbest = xoff;
        for (var d = fmax; d >= fmin; d -= 2)
        {
            var x = Math.Min(_fd[o + d], xlim);
            var y = x - d;
            if (ylim < y)
            {
                x = ylim + d;
                y = ylim;
            }
            if (fxybest < x + y)
            {
                fxybest = x + y;
                fxbest = x;
            }
        }
        int bxybest = int.MaxValue, bxbest = xlim;
        for (var d = bmax; d >= bmin; d -= 2)
        {
            var x = Math.Max(xoff, _bd[o + d]);
            var y = x - d;
            if (y < yoff)
            {
                x = yoff + d;
                y = yoff;
            }
            if (x + y < bxybest)
            {
                bxybest = x + y;
                bxbest = x;
            }
        }
        return (xlim + ylim) - bxybest < fxybest - (xoff + yoff)
            ? (fxbest, fxybest - fxbest)
            : (bxbest, bxybest - bxbest);
    }
}
