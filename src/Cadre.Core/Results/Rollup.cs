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
    private readonly int[] _order;           // children before parents
    // The indicators, by slot (in the order they were added); the index from id to slot is built when first needed.
    private int _count;
    private int[] _indicatorIds = [];
    private int[] _indicatorElement = [];
    private double[] _indicatorWeight = [];
    private double[] _indicatorAchievement = [];  // NaN = no data
    private Dictionary<int, int>? _slots;
    private bool _slotsShared;                     // shared with the template this roll-up was copied from: copy before adding
    private int _lastElementId = int.MinValue, _lastElementSlot = -1;

    public Rollup(IReadOnlyList<RollupNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
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
        // Depth order (children before parents) so that each parent sees its children's final figures.
        var depth = new int[_ids.Length];
        for (var i = 0; i < _ids.Length; i++)
        {
            var d = 0;
            for (var p = _parent[i]; p >= 0 && d <= _ids.Length; p = _parent[p]) d++;
            depth[i] = d;
        }
        _order = [.. Enumerable.Range(0, _ids.Length).OrderByDescending(i => depth[i])];
    }

    /// <summary>
    /// A roll-up with <paramref name="template"/>'s elements and indicators and these achievements (by slot, NaN = no
    /// data), computed at once. The structure is shared with the template (read-only once frozen); the figures are its own.
    /// </summary>
    internal Rollup(Rollup template, double[] achievements)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(achievements);
        if (!template._frozen) throw new InvalidOperationException("Freeze the template first.");
        if (achievements.Length != template._count) throw new ArgumentException("One achievement per indicator.", nameof(achievements));
        (_index, _parent, _weight, _ids, _order) = (template._index, template._parent, template._weight, template._ids, template._order);
        _sum = new double[_ids.Length];
        _weightWithData = new double[_ids.Length];
        _totalWeight = (double[])template._totalWeight.Clone();
        _count = template._count;
        (_indicatorIds, _indicatorElement, _indicatorWeight) = (template._indicatorIds, template._indicatorElement, template._indicatorWeight);
        _indicatorAchievement = (double[])achievements.Clone();
        (_slots, _slotsShared) = (template._slots, true);
        Recompute();
    }

    private bool _frozen;

    /// <summary>Trims the indicator arrays and builds the index, so that copies (see the constructor above) can share them.</summary>
    internal void Freeze()
    {
        if (_indicatorIds.Length != _count)
        {
            Array.Resize(ref _indicatorIds, _count);
            Array.Resize(ref _indicatorElement, _count);
            Array.Resize(ref _indicatorWeight, _count);
            Array.Resize(ref _indicatorAchievement, _count);
        }
        Slots();
        _frozen = true;
    }

    /// <summary>Adds an indicator to an element (its achievement unknown until <see cref="Set"/>).</summary>
    public void AddIndicator(int indicatorId, int elementId, double weight = 1)
    {
        if (Slots().ContainsKey(indicatorId))
        {
            throw new ArgumentException($"Indicator {indicatorId} was already added.", nameof(indicatorId));
        }
        Load(indicatorId, elementId, weight, null);
    }

    /// <summary>
    /// Adds an indicator with its achievement without updating any figure: for loading a whole plan, followed by
    /// <see cref="RecomputeAll"/>. Indicator ids must be distinct (not checked here).
    /// </summary>
    public void Load(int indicatorId, int elementId, double weight, double? achievement)
    {
        int e;
        if (elementId == _lastElementId) e = _lastElementSlot;
        else
        {
            e = _index[elementId];
            (_lastElementId, _lastElementSlot) = (elementId, e);
        }
        if (_count == _indicatorIds.Length)
        {
            var size = Math.Max(16, _count * 2);
            Array.Resize(ref _indicatorIds, size);
            Array.Resize(ref _indicatorElement, size);
            Array.Resize(ref _indicatorWeight, size);
            Array.Resize(ref _indicatorAchievement, size);
        }
        if (_frozen) throw new InvalidOperationException("A frozen roll-up is a template: it takes no more indicators.");
        if (_slotsShared && _slots is not null)
        {
            _slots = new Dictionary<int, int>(_slots);
            _slotsShared = false;
        }
        var w = Math.Max(0, weight);
        _indicatorIds[_count] = indicatorId;
        _indicatorElement[_count] = e;
        _indicatorWeight[_count] = w;
        _indicatorAchievement[_count] = achievement ?? double.NaN;
        _slots?.Add(indicatorId, _count);
        _count++;
        _totalWeight[e] += w;
    }

    /// <summary>Computes every element bottom-up in one pass from the indicators' achievements.</summary>
    public void RecomputeAll() => Recompute();

    private Dictionary<int, int> Slots()
    {
        if (_slots is null)
        {
            var slots = new Dictionary<int, int>(_count);
            for (var i = 0; i < _count; i++) slots.Add(_indicatorIds[i], i);
            _slots = slots;
        }
        return _slots;
    }

    private static double? Nullable(double v) => double.IsNaN(v) ? null : v;

    /// <summary>Sets (or clears, with null) an indicator's achievement and updates its ancestors.</summary>
    public void Set(int indicatorId, double? achievement)
    {
        var slot = Slots()[indicatorId];
        var old = Nullable(_indicatorAchievement[slot]);
        if (old == achievement) return;
        _indicatorAchievement[slot] = achievement ?? double.NaN;
        Apply(_indicatorElement[slot], _indicatorWeight[slot], old, achievement);
    }

    /// <summary>Loads many achievements at once, then computes every element bottom-up in one pass.</summary>
    public void SetAll(IEnumerable<KeyValuePair<int, double?>> achievements)
    {
        ArgumentNullException.ThrowIfNull(achievements);
        var slots = Slots();
        foreach (var (id, a) in achievements) _indicatorAchievement[slots[id]] = a ?? double.NaN;
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
        for (var k = 0; k < _count; k++)
        {
            var v = _indicatorAchievement[k];
            var w = _indicatorWeight[k];
            if (!double.IsNaN(v) && w > 0)
            {
                var e = _indicatorElement[k];
                _sum[e] += w * v;
                _weightWithData[e] += w;
            }
        }
        foreach (var i in _order)
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
