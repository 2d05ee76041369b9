using System.Globalization;
using CompressionOption = System.IO.Packaging.CompressionOption;
using Cadre.Core.Reporting.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Cadre.Core.Reporting.Writers;

/// <summary>
/// The report as a Word document: Title and Heading1..3 styles (so Word's navigation pane and the table of
/// contents work), a TOC field with its entries pre-rendered and an update-on-open setting, tables with a
/// caption, a repeating header row and row headers in bold, figures as PNG images with alt text (wp:docPr
/// descr) followed by the table of their numbers, the document language in the default run properties and the
/// settings, and gaps (missing narratives, notices) in a visible "Gap" style.
/// </summary>
public static class DocxReportWriter
{
    private const long EmuPerPixel = 9525;
    private const long MaxImageWidthEmu = 5_760_000; // 16 cm: fits the text width of an A4 page.

    public static byte[] Write(ReportDocument report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var meta = report.Metadata;
        var lang = meta.Language;
        var tag = WriterCommon.LanguageTag(lang);
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        doc.PackageProperties.Title = meta.Title;
        doc.PackageProperties.Language = tag;
        doc.PackageProperties.Creator = "Cadre";
        // The XML parts are large and repetitive: fast compression. The PNG images are compressed already: stored.
        doc.CompressionOption = CompressionOption.Fast;
        var main = doc.AddMainDocumentPart();
        AddStyles(main, tag);
        AddSettings(main, tag);
        var images = AddImages(doc, main, report);
        doc.CompressionOption = CompressionOption.Fast;

        // The body is streamed element by element (OpenXmlWriter): no document tree of the whole report is built.
        using var writer = OpenXmlWriter.Create(main);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Document(), [], Namespaces);
        writer.WriteStartElement(new Body());
        void Emit(OpenXmlElement element) => writer.WriteElement(element);
        Emit(Para("Title", meta.Title));
        Emit(Para(null, $"{L(lang, "Meta.Plan")}{L(lang, "Colon")}{meta.PlanCode}. {L(lang, "Meta.Year")}{L(lang, "Colon")}{meta.Year.ToString(CultureInfo.InvariantCulture)}. " +
            $"{L(lang, "Meta.Version")}{L(lang, "Colon")}{meta.Version.ToString(CultureInfo.InvariantCulture)}. {L(lang, "Meta.Status")}{L(lang, "Colon")}{meta.Status}. " +
            $"{L(lang, "Meta.Generated")}{L(lang, "Colon")}{meta.GeneratedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}."));

        var bookmarks = report.Sections.Select((s, k) => "_Toc" + (k + 1).ToString("D6", CultureInfo.InvariantCulture)).ToList();
        Emit(Para("TOCHeading", L(lang, "Contents")));
        AppendToc(Emit, report, bookmarks);

        var builder = new Builder(images, lang);
        for (var k = 0; k < report.Sections.Count; k++)
        {
            builder.Section(Emit, report.Sections[k], bookmarks[k], k + 1);
        }
        Emit(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1418, Right = 1134U, Bottom = 1418, Left = 1134U, Header = 720U, Footer = 720U, Gutter = 0U }));
        writer.WriteEndElement();
        writer.WriteEndElement();

    }

    /// <summary>The namespaces declared once on the document element, rather than on every drawing.</summary>
    private static readonly KeyValuePair<string, string>[] Namespaces =
    [
        new("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        new("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        new("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        new("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
    ];

    /// <summary>Adds every figure's PNG as an image part (stored, not compressed again) before the body is written; the
    /// relationship id of each figure's image, by figure.</summary>
    private static Dictionary<ReportFigure, string> AddImages(WordprocessingDocument doc, MainDocumentPart main, ReportDocument report)
    {
        doc.CompressionOption = CompressionOption.NotCompressed;
        var ids = new Dictionary<ReportFigure, string>(ReferenceEqualityComparer.Instance);
        foreach (var figure in report.Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>())
        {
            if (figure.Png.Length == 0) continue;
            var part = main.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(figure.Png, writable: false)) part.FeedData(stream);
            ids[figure] = main.GetIdOfPart(part);
        }
        return ids;
    }

    private static string L(string lang, string key) => ReportText.Get(lang, key);

    private static Paragraph Para(string? style, string text)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(TextRun(text));
        return p;
    }

    private static Run TextRun(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new WText(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>Drops characters XML 1.0 cannot hold (control characters pasted into narratives).</summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r')) return text;
        return new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray());
    }

    private static void AppendToc(Action<OpenXmlElement> body, ReportDocument report, List<string> bookmarks)
    {
        // The field result holds the entries as they are now (without page numbers): readers that do not update
        // fields still see a contents list; Word refreshes it on opening (updateFields), LibreOffice on update.
        var sections = report.Sections;
        for (var k = 0; k < sections.Count; k++)
        {
            var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC" + sections[k].Level.ToString(CultureInfo.InvariantCulture) }));
            if (k == 0)
            {
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
                p.Append(new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }));
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }
            p.Append(new Hyperlink(TextRun(sections[k].Title)) { Anchor = bookmarks[k], History = true });
            if (k == sections.Count - 1)
            {
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }
            body(p);
        }
        if (sections.Count == 0)
        {
            body(new Paragraph(
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        }
    }

    private sealed class Builder(Dictionary<ReportFigure, string> images, string lang)
    {
        private uint _drawingId;

        public void Section(Action<OpenXmlElement> body, ReportSection section, string bookmark, int index)
        {
            var id = index.ToString(CultureInfo.InvariantCulture);
            var heading = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + section.Level.ToString(CultureInfo.InvariantCulture) }));
            heading.Append(new BookmarkStart { Name = bookmark, Id = id });
            heading.Append(TextRun(section.Title));
            heading.Append(new BookmarkEnd { Id = id });
            body(heading);

            if (section.Narrative is { } narrative)
            {
                var paragraphs = narrative.For(lang);
                if (paragraphs.Count == 0) body(Para("Gap", L(lang, "MissingNarrative")));
                foreach (var text in paragraphs) body(Para(null, text));
            }
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p: body(Para(null, p.Text)); break;
                    case ReportNotice n: body(Para("Gap", n.Text)); break;
                    case ReportTable t: AppendTable(body, t, lang); break;
                    case ReportFigure f: AppendFigure(body, f); break;
                }
            }
        }

        private static void AppendTable(Action<OpenXmlElement> body, ReportTable table, string lang)
        {
            var caption = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new KeepNext()));
            caption.Append(TextRun(table.Caption));
            body(caption);

            var t = new Table(new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableLook { Val = "04A0", FirstRow = true, FirstColumn = table.FirstColumnIsRowHeader, NoHorizontalBand = false, NoVerticalBand = true, LastRow = false, LastColumn = false },
                new TableCaption { Val = Clean(table.Caption) }));
            var grid = new TableGrid();
            foreach (var _ in table.Header) grid.Append(new GridColumn());
            t.Append(grid);

            var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            foreach (var h in table.Header) header.Append(Cell(h, bold: true, right: false));
            t.Append(header);
            foreach (var row in table.Rows)
            {
                var r = new TableRow(new TableRowProperties(new CantSplit()));
                for (var c = 0; c < table.Header.Count; c++)
                {
                    var cell = c < row.Count ? row[c] : EmptyCell.Instance;
                    r.Append(Cell(cell.Display(lang), bold: c == 0 && table.FirstColumnIsRowHeader, right: WriterCommon.IsNumeric(cell)));
                }
                t.Append(r);
            }
            body(t);
            body(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
        }

        private static TableCell Cell(string text, bool bold, bool right)
        {
            var p = new Paragraph();
            var props = new ParagraphProperties(new SpacingBetweenLines { After = "0" });
            if (right) props.Append(new Justification { Val = JustificationValues.Right });
            p.Append(props);
            p.Append(TextRun(text, bold));
            return new TableCell(p);
        }

        private void AppendFigure(Action<OpenXmlElement> body, ReportFigure figure)
        {
            if (!images.TryGetValue(figure, out var rid))
            {
                // No PNG (an SVG-only model): the caption and the table of the numbers still say everything.
                body(Caption(figure.Caption));
                AppendTable(body, figure.Data, lang);
                return;
            }
            var id = ++_drawingId;
            long cx = Math.Max(1, figure.WidthPx) * EmuPerPixel;
            long cy = Math.Max(1, figure.HeightPx) * EmuPerPixel;
            if (cx > MaxImageWidthEmu)
            {
                cy = cy * MaxImageWidthEmu / cx;
                cx = MaxImageWidthEmu;
            }
            var name = "Figure " + id.ToString(CultureInfo.InvariantCulture);
            var alt = Clean(figure.AltText);
            var inline = new Dw.Inline(
                new Dw.Extent { Cx = cx, Cy = cy },
                new Dw.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new Dw.DocProperties { Id = id, Name = name, Description = alt, Title = Clean(figure.Caption) },
                new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new Pic.Picture(
                        new Pic.NonVisualPictureProperties(
                            new Pic.NonVisualDrawingProperties { Id = 0U, Name = name + ".png", Description = alt },
                            new Pic.NonVisualPictureDrawingProperties()),
                        new Pic.BlipFill(new A.Blip { Embed = rid }, new A.Stretch(new A.FillRectangle())),
                        new Pic.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
            body(new Paragraph(new ParagraphProperties(new KeepNext()), new Run(new Drawing(inline))));
            body(Caption(figure.Caption));
            AppendTable(body, figure.Data, lang);
        }

        private static Paragraph Caption(string text)
        {
            var caption = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }));
            caption.Append(TextRun(text));
            return caption;
        }
    }

    private static void AddStyles(MainDocumentPart main, string tag)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Calibri", ComplexScript = "Arial" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = tag, EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(ParagraphStyle("Title", "Title", 40, bold: true, outline: null));
        styles.Append(ParagraphStyle("Heading1", "heading 1", 32, bold: true, outline: 0));
        styles.Append(ParagraphStyle("Heading2", "heading 2", 28, bold: true, outline: 1));
        styles.Append(ParagraphStyle("Heading3", "heading 3", 24, bold: true, outline: 2));
        styles.Append(ParagraphStyle("TOCHeading", "TOC Heading", 32, bold: true, outline: null));
        styles.Append(ParagraphStyle("Caption", "caption", 20, bold: true, outline: null));
        for (var level = 1; level <= 3; level++)
        {
            var toc = new Style(
                new StyleName { Val = "toc " + level.ToString(CultureInfo.InvariantCulture) },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new UIPriority { Val = 39 },
                new StyleParagraphProperties(
                    new SpacingBetweenLines { After = "60" },
                    new Indentation { Left = ((level - 1) * 220).ToString(CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = "TOC" + level.ToString(CultureInfo.InvariantCulture) };
            styles.Append(toc);
        }
        // Gaps must be seen: bold italic, in brackets, with a border and shading (not colour alone).
        styles.Append(new Style(
            new StyleName { Val = "Gap" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(
                new ParagraphBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 8U, Space = 4U, Color = "9C5700" },
                    new LeftBorder { Val = BorderValues.Single, Size = 8U, Space = 4U, Color = "9C5700" },
                    new BottomBorder { Val = BorderValues.Single, Size = 8U, Space = 4U, Color = "9C5700" },
                    new RightBorder { Val = BorderValues.Single, Size = 8U, Space = 4U, Color = "9C5700" }),
                new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FFF2CC" }),
            new StyleRunProperties(new Bold(), new Italic(), new Color { Val = "7A4400" }))
        { Type = StyleValues.Paragraph, StyleId = "Gap", CustomStyle = true });
        styles.Append(new Style(
            new StyleName { Val = "Hyperlink" },
            new UIPriority { Val = 99 },
            new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
        { Type = StyleValues.Character, StyleId = "Hyperlink" });
        var single = new Func<OpenXmlElement[]>(() =>
        [
            new TopBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" },
            new LeftBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" },
            new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" },
            new RightBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "808080" },
        ]);
        styles.Append(new Style(
            new StyleName { Val = "Report Table" },
            new BasedOn { Val = "TableNormal" },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }),
            new StyleTableProperties(
                new TableBorders(single()),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableStyleProperties(
                new RunPropertiesBaseStyle(new Bold()),
                new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" }))
            { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = "ReportTable", CustomStyle = true });
        styles.Append(new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, int halfPoints, bool bold, int? outline)
    {
        var pPr = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is not null) pPr.Append(new OutlineLevel { Val = outline.Value });
        var rPr = new StyleRunProperties();
        if (bold) rPr.Append(new Bold());
        rPr.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        rPr.Append(new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = outline is null ? 10 : 9 },
            new PrimaryStyle(),
            pPr,
            rPr)
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static void AddSettings(MainDocumentPart main, string tag)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        part.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new UpdateFieldsOnOpen { Val = true },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }),
            new ThemeFontLanguages { Val = tag, EastAsia = "zh-CN", Bidi = "ar-SA" });
        part.Settings.Save();
    }
}
