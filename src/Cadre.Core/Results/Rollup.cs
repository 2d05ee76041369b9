namespace Cadre.Core.Results;

/// <summary>A plan element as the roll-up sees it.</summary>
public readonly record struct RollupNode(int Id, int? ParentId, double Weight);

/// <summary>An element's rolled-up figure: the weighted mean of what has data below it, and how much of the weight had data.</summary>
public readonly record struct ElementProgress(int ElementId, double? Achievement, double Coverage, double WeightWithData, double TotalWeight);

/// <summary>
/// Rolls indicator achievements up the element tree and keeps the figures current as values arrive.
/// An element's achievement is the weighted mean of its children (child elements with their weights,
/// and its own indicators with theirs) that have data; the share of the weight that has data is the
/// coverage; an element with no data below it has no achievement (status "no data", not 0%).
/// <see cref="Set"/> updates one indicator and the path to the root only, so a new value costs the depth
/// of the tree, not its size.
/// </summary>
public sealed class Rollup
{
    private readonly Dictionary<int, int> _index;
    private readonly int[] _parent;
    private readonly double[] _weight;
    private readonly double[] _sum;          // Σ weight × achievement over children with data
    private readonly double[] _weightWithData;
    private readonly double[] _totalWeight;
    private readonly int[] _ids;
    private readonly Dictionary<int, (int Element, double Weight, double? Achievement)> _indicators = [];

    public Rollup(IReadOnlyList<RollupNode> nodes)
    {
        _index = new Dictionary<int, int>(nodes.Count);
        _ids = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            _index.Add(nodes[i].Id, i);
            _ids[i] = nodes[i].Id;
        }
        _parent = new int[nodes.Count];
        _weight = new double[nodes.Count];
        _sum = new double[nodes.Count];
        _weightWithData = new double[nodes.Count];
        _totalWeight = new double[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            _parent[i] = nodes[i].ParentId is int p && _index.TryGetValue(p, out var pi) ? pi : -1;
            _weight[i] = Math.Max(0, nodes[i].Weight);
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            if (_parent[i] >= 0) _totalWeight[_parent[i]] += _weight[i];
        }
    }

    /// <summary>Adds an indicator to an element (its achievement unknown until <see cref="Set"/>).</summary>
    public void AddIndicator(int indicatorId, int elementId, double weight = 1)
    {
        var e = _index[elementId];
        _indicators.Add(indicatorId, (e, Math.Max(0, weight), null));
        _totalWeight[e] += Math.Max(0, weight);
    }

    /// <summary>Sets (or clears, with null) an indicator's achievement and updates its ancestors.</summary>
    public void Set(int indicatorId, double? achievement)
    {
        var (element, weight, old) = _indicators[indicatorId];
        if (old == achievement) return;
        _indicators[indicatorId] = (element, weight, achievement);
        Apply(element, weight, old, achievement);
    }

    /// <summary>Loads many achievements at once, then computes every element bottom-up in one pass.</summary>
    public void SetAll(IEnumerable<KeyValuePair<int, double?>> achievements)
    {
        foreach (var (id, a) in achievements)
        {
            var (e, w, _) = _indicators[id];
            _indicators[id] = (e, w, a);
        }
        Recompute();
    }

    public ElementProgress Get(int elementId)
    {
        var i = _index[elementId];
        return new ElementProgress(elementId, Achievement(i), _totalWeight[i] == 0 ? 0 : _weightWithData[i] / _totalWeight[i], _weightWithData[i], _totalWeight[i]);
    }

    public IEnumerable<ElementProgress> All() => _ids.Select(Get);

    private double? Achievement(int i) => _weightWithData[i] > 0 ? _sum[i] / _weightWithData[i] : null;

    private void Recompute()
    {
        Array.Clear(_sum);
        Array.Clear(_weightWithData);
        // Depth order (children before parents) so that each parent sees its children's final figures.
        var depth = new int[_ids.Length];
        for (var i = 0; i < _ids.Length; i++)
        {
            var d = 0;
            for (var p = _parent[i]; p >= 0; p = _parent[p]) d++;
            depth[i] = d;
        }
        foreach (var (e, w, a) in _indicators.Values)
        {
            if (a is double v && w > 0)
            {
                _sum[e] += w * v;
                _weightWithData[e] += w;
            }
        }
        var order = Enumerable.Range(0, _ids.Length).OrderByDescending(i => depth[i]).ToArray();
        foreach (var i in order)
        {
            var p = _parent[i];
            if (p < 0 || _weight[i] == 0) continue;
            if (Achievement(i) is double a)
            {
                _sum[p] += _weight[i] * a;
                _weightWithData[p] += _weight[i];
            }
        }
    }

    /// <summary>Replaces one contribution to <paramref name="node"/> and carries the change up the ancestors.</summary>
    private void Apply(int node, double weight, double? oldValue, double? newValue)
    {
        while (node >= 0 && weight > 0)
        {
            var before = Achievement(node);
            if (oldValue is double o)
            {
                _sum[node] -= weight * o;
                _weightWithData[node] -= weight;
            }
            if (newValue is double n)
            {
                _sum[node] += weight * n;
                _weightWithData[node] += weight;
            }
            if (_weightWithData[node] < 1e-12)
            {
                _weightWithData[node] = 0;
                _sum[node] = 0;
            }
            var after = Achievement(node);
            if (before == after) return;
            (oldValue, newValue, weight) = (before, after, _weight[node]);
            node = _parent[node];
        }
    }
}
