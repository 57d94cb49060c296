using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Peksos.Clean.Application.Exams;
using Peksos.Clean.Application.Exams.ExportBnspReport;

namespace Peksos.Clean.Infrastructure.Reports;

/// <summary>The BNSP participant list as an .xlsx workbook (Open XML SDK): the NIK a text cell, the birth date a date cell.</summary>
public sealed class BnspWorkbook : IBnspWorkbook
{
    private static readonly string[] Headers =
        ["No", "NIK", "Nama Lengkap", "Jenis Kelamin", "Tanggal Lahir", "Pendidikan", "Instansi", "Provinsi", "Skema", "Rekomendasi", "Nomor Sertifikat", "Nomor SK"];

    private const uint DateStyle = 1;

    public async Task WriteAsync(IReadOnlyList<BnspRow> rows, Stream output, CancellationToken cancellationToken)
    {
        // The package is built in memory (a report is one row per participant) and copied out: the zip needs to seek.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Headers.Select(Text)));
            foreach (var r in rows)
            {
                data.Append(Row([
                    Number(r.No), Text(r.Nik), Text(r.FullName), Text(r.Sex), Date(r.BirthDate), Text(r.Education), Text(r.Employer), Text(r.Province),
                    Text(r.Scheme), Text(r.Result), Text(r.CertificateNumber ?? ""), Text(r.DecreeNumber),
                ]));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Peserta" }));
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static Row Row(IEnumerable<Cell> cells) => new(cells);

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value)) };

    private static Cell Number(int value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell Date(DateOnly value) => new()
    {
        CellValue = new CellValue(value.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        StyleIndex = DateStyle,
    };

    /// <summary>Two cell formats: the default, and a date (built-in number format 14).</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
}
