using System.Text;
using SosRap.Models;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

public sealed class ValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(List<Report> Reports, ReportReadSummary Summary)> Collect(string path, Taxonomy? taxonomy = null, int maxFieldLength = 100_000)
    {
        var options = new ReportReadOptions { InvalidRows = InvalidRowPolicy.Collect, Taxonomy = taxonomy, MaxFieldLength = maxFieldLength };
        return await ReportReader.ReadFileAsync(path, options, cancellationToken: Ct);
    }

    private static InputProblem Single(ReportReadSummary s, long row, string? field)
    {
        var matches = s.Problems.Where(p => p.Row == row && p.Field == field).ToList();
        Assert.True(matches.Count == 1, $"expected one problem at row {row} field {field}; got: {string.Join(" | ", s.Problems)}");
        return matches[0];
    }

    private const string TypedCsv =
        "id,phenomenon,reported_at,affected_clients,contains_pii,kind\n" +
        "A1,Teksti yksi,2024-01-05,3,true,epakohta\n" +            // line 2: valid
        "A2,,2024-01-06,,,\n" +                                      // line 3: no phenomenon
        ",Teksti kolme,,,,\n" +                                      // line 4: no id
        "A1,Teksti neljä,,,,\n" +                                    // line 5: duplicate of line 2
        "A5,Teksti viisi,15.3.2024,,,\n" +                           // line 6: Finnish date
        "A6,Teksti kuusi,,kolme,,\n" +                               // line 7: not an int
        "A7,Teksti seitsemän,,,ehkä,\n" +                           // line 8: not a bool
        "A8,Teksti kahdeksan,,,,ongelma\n" +                         // line 9: unknown kind
        "A9,Teksti yhdeksän,,,,Hyvä käytäntö\n" +                    // line 10: valid, Finnish spelling
        "A10,Teksti kymmenen,,,\n" +                                 // line 11: 5 fields, header has 6
        "A11,Teksti yksitoista,2024-02-30,-4,,epäkohta\n";           // line 12: impossible date, negative count

    [Fact]
    public async Task Each_csv_error_names_its_row_and_field()
    {
        using var dir = new TempDir();
        var (reports, s) = await Collect(dir.Write("r.csv", TypedCsv));

        Assert.Contains("puuttuu", Single(s, 3, "phenomenon").Message, StringComparison.Ordinal);
        Assert.Contains("id puuttuu", Single(s, 4, "id").Message, StringComparison.Ordinal);
        Assert.Equal("id 'A1' on jo rivillä 2", Single(s, 5, "id").Message);
        Assert.Contains("P.K.VVVV", Single(s, 6, "reported_at").Message, StringComparison.Ordinal);
        Assert.Contains("VVVV-KK-PP", Single(s, 6, "reported_at").Message, StringComparison.Ordinal);
        Assert.Contains("kokonaisluku", Single(s, 7, "affected_clients").Message, StringComparison.Ordinal);
        Assert.Contains("totuusarvo", Single(s, 8, "contains_pii").Message, StringComparison.Ordinal);
        Assert.Contains("epakohta, hyva_kaytanto", Single(s, 9, "kind").Message, StringComparison.Ordinal);
        Assert.Equal("rivillä on 5 kenttää, otsikkorivillä 6 (erotin ','); tarkista lainausmerkit ja erottimet", Single(s, 11, null).Message);
        Assert.Contains("ei ole olemassa", Single(s, 12, "reported_at").Message, StringComparison.Ordinal);
        Assert.Contains("negatiivinen", Single(s, 12, "affected_clients").Message, StringComparison.Ordinal);
        Assert.Equal(10, s.ErrorCount); // line 12 has two
        Assert.Equal(11, s.RowsRead);
        Assert.Equal(9, s.RowsRejected);

        Assert.Equal(["A1", "A9"], reports.Select(r => r.Id));
        Assert.Equal(ReportKind.HyvaKaytanto, reports[1].Kind);
        Assert.Equal(new DateOnly(2024, 1, 5), reports[0].ReportedAt);
        Assert.True(reports[0].ContainsPii);
    }

    [Fact]
    public async Task Messages_never_contain_report_text()
    {
        using var dir = new TempDir();
        // Text shifted into typed columns must not be echoed back.
        var csv = "id,phenomenon,reported_at,affected_clients,contains_pii,kind\n" +
                  "S1,Salainen ilmiö,Matti Meikäläinen,Maija Mallikas,Liisa Lehtinen,Pekka Puupää\n";
        var (_, s) = await Collect(dir.Write("r.csv", csv));
        Assert.Equal(4, s.ErrorCount);
        foreach (var p in s.Problems)
        {
            foreach (var secret in new[] { "Salainen", "Matti", "Maija", "Liisa", "Pekka" })
                Assert.DoesNotContain(secret, p.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fail_mode_stops_yielding_at_the_first_error_and_lists_every_error()
    {
        using var dir = new TempDir();
        var path = dir.Write("r.csv", TypedCsv);
        var yielded = new List<string>();
        var reader = ReportReader.Open(path);
        var e = await Assert.ThrowsAsync<InputProblemsException>(async () =>
        {
            await foreach (var r in reader.ReadAllAsync(cancellationToken: Ct)) yielded.Add(r.Id);
        });

        Assert.Equal(["A1"], yielded); // A9 is valid but comes after the first error
        Assert.Equal(10, e.ErrorCount);
        Assert.True(e.Complete);
        Assert.Equal(10, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Equal(ProblemSeverity.Error, p.Severity));
        Assert.StartsWith(path + ": 10 virhettä", e.Message, StringComparison.Ordinal);
        Assert.Contains("\n  " + path + ":5: 'id': id 'A1' on jo rivillä 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, reader.Summary.RowsAccepted);
    }

    [Fact]
    public async Task Fail_mode_stops_reading_at_the_problem_cap()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder("id,phenomenon\n");
        for (var i = 0; i < 50; i++) sb.Append("x").Append(i).Append(",\n");
        var options = new ReportReadOptions { MaxProblems = 5 };
        var e = await Assert.ThrowsAsync<InputProblemsException>(() => ReportReader.ReadFileAsync(dir.Write("r.csv", sb.ToString()), options, cancellationToken: Ct));
        Assert.Equal(5, e.ErrorCount);
        Assert.False(e.Complete);
        Assert.Equal([2L, 3, 4, 5, 6], e.Problems.Select(p => p.Row!.Value));
    }

    [Fact]
    public async Task Skip_mode_writes_rejected_rows_with_reasons_and_counts_them()
    {
        using var dir = new TempDir();
        var path = dir.Write("r.csv", TypedCsv);
        var reader = ReportReader.Open(path, new ReportReadOptions { InvalidRows = InvalidRowPolicy.Skip });
        var ids = new List<string>();
        await foreach (var r in reader.ReadAllAsync(cancellationToken: Ct)) ids.Add(r.Id);

        Assert.Equal(["A1", "A9"], ids);
        Assert.Equal(9, reader.Summary.RowsRejected);
        Assert.Equal(path + ".rejected.jsonl", reader.Summary.RejectedPath);
        var lines = await File.ReadAllLinesAsync(path + ".rejected.jsonl", Ct);
        Assert.Equal(9, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(path, root.GetProperty("source").GetString());
        Assert.Equal(3, root.GetProperty("row").GetInt64());
        Assert.Equal("phenomenon", root.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("A2", root.GetProperty("record").GetProperty("id").GetString());
        Assert.Equal("2024-01-06", root.GetProperty("record").GetProperty("reported_at").GetString());
        // The row with too few fields keeps its values as a list.
        using var shortRow = System.Text.Json.JsonDocument.Parse(lines[^2]);
        Assert.Equal(11, shortRow.RootElement.GetProperty("row").GetInt64());
        Assert.Equal(5, shortRow.RootElement.GetProperty("fields").GetArrayLength());
        Assert.Equal("A10", shortRow.RootElement.GetProperty("fields")[0].GetString());
    }

    [Fact]
    public async Task A_new_run_replaces_a_stale_rejected_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("ok.csv", "id,phenomenon\nX,teksti\n");
        var rejected = dir.Write("old.rejected.jsonl", "stale\n");
        var options = new ReportReadOptions { InvalidRows = InvalidRowPolicy.Skip, RejectedPath = rejected };
        await ReportReader.ReadFileAsync(path, options, cancellationToken: Ct);
        Assert.Equal("", await File.ReadAllTextAsync(rejected, Ct));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_with_row_field_and_byte()
    {
        using var dir = new TempDir();
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("id,phenomenon,municipality\nU1,kelpo,Kajaani\nU2,ok,Ristij"));
        bytes.Add(0xE4); // 'ä' in Latin-1
        bytes.AddRange(Encoding.UTF8.GetBytes("rvi\nU3,\"lainattu\"\n"));
        var (reports, s) = await Collect(dir.Write("latin1.csv", bytes.ToArray()));
        var p = Single(s, 3, "municipality");
        Assert.StartsWith("virheellinen UTF-8-tavu 0xE4 kentän 7. tavussa", p.Message, StringComparison.Ordinal);
        Assert.Contains("Latin-1", p.Message, StringComparison.Ordinal);
        Assert.Equal(["U1"], reports.Select(r => r.Id)); // U3 has 2 fields, header 3
        Assert.NotNull(s.Problems.SingleOrDefault(x => x.Row == 4 && x.Field is null));
    }

    [Fact]
    public async Task Invalid_utf8_in_jsonl_names_the_line_and_file_offset()
    {
        using var dir = new TempDir();
        var line1 = Encoding.UTF8.GetBytes("{\"id\":\"J1\",\"phenomenon\":\"ok\"}\n");
        var line2 = Encoding.UTF8.GetBytes("{\"id\":\"J2\",\"phenomenon\":\"x");
        var bytes = line1.Concat(line2).Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        var (reports, s) = await Collect(dir.Write("r.jsonl", bytes));
        var p = Single(s, 2, null);
        Assert.Equal($"virheellinen UTF-8-tavu 0xC3 rivin {line2.Length + 1}. tavussa (tiedoston tavu {line1.Length + line2.Length})", p.Message);
        Assert.Single(reports);
    }

    [Fact]
    public async Task Unterminated_quote_names_the_line_where_it_started()
    {
        using var dir = new TempDir();
        var csv = "id,phenomenon,proposal\nQ1,ok,\nQ2,\"alkaa tästä\nja jatkuu,\nQ3,loppuun asti,\n";
        var (reports, s) = await Collect(dir.Write("r.csv", csv));
        var p = Single(s, 3, "phenomenon");
        Assert.Equal("rivillä 3 avattua lainausmerkkiä ei suljettu ennen tiedoston loppua", p.Message);
        Assert.Equal(["Q1"], reports.Select(r => r.Id));
        Assert.Equal(2, s.RowsRead);
    }

    [Fact]
    public async Task Character_after_closing_quote_is_an_error()
    {
        using var dir = new TempDir();
        var (_, s) = await Collect(dir.Write("r.csv", "id,phenomenon\nQ1,\"ab\"c\n"));
        Assert.Contains("ylimääräinen merkki rivillä 2", Single(s, 2, "phenomenon").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_lines_that_are_not_objects_or_not_json_are_errors()
    {
        using var dir = new TempDir();
        var jsonl = "{\"id\":\"J1\",\"phenomenon\":\"ok\"}\n[1,2]\n\"teksti\"\n{\"id\":\"J4\",\n\n{\"id\":\"J6\",\"phenomenon\":\"ok\",\"categories\":\"a|b\",\"affected_clients\":\"3\",\"contains_pii\":\"true\"}\n";
        var (reports, s) = await Collect(dir.Write("r.jsonl", jsonl));
        Assert.Equal("rivi ei ole JSON-olio vaan taulukko", Single(s, 2, null).Message);
        Assert.Equal("rivi ei ole JSON-olio vaan merkkijono", Single(s, 3, null).Message);
        Assert.StartsWith("virheellistä JSONia", Single(s, 4, null).Message, StringComparison.Ordinal);
        Assert.Contains("odotettiin taulukkoa", Single(s, 6, "categories").Message, StringComparison.Ordinal);
        Assert.Contains("odotettiin kokonaislukua, löytyi merkkijono", Single(s, 6, "affected_clients").Message, StringComparison.Ordinal);
        Assert.Contains("odotettiin totuusarvoa", Single(s, 6, "contains_pii").Message, StringComparison.Ordinal);
        Assert.Equal(["J1"], reports.Select(r => r.Id));
        Assert.Equal(5, s.RowsRead); // the blank line 5 is skipped
    }

    [Fact]
    public async Task Jsonl_accepts_numeric_ids_and_integral_floats()
    {
        using var dir = new TempDir();
        var (reports, s) = await Collect(dir.Write("r.jsonl", "{\"id\":17,\"phenomenon\":\"ok\",\"affected_clients\":12.0}\n"));
        Assert.Equal(0, s.ErrorCount);
        Assert.Equal("17", reports[0].Id);
        Assert.Equal(12, reports[0].AffectedClients);
    }

    [Fact]
    public async Task Over_long_field_is_truncated_with_a_warning()
    {
        using var dir = new TempDir();
        var big = new string('x', 1_000_000);
        var csv = "id,phenomenon,proposal\nL1,\"" + big + "\",lyhyt\n";
        var jsonl = "{\"id\":\"L1\",\"phenomenon\":\"" + big + "\"}\n";
        foreach (var path in new[] { dir.Write("r.csv", csv), dir.Write("r.jsonl", jsonl) })
        {
            var (reports, s) = await Collect(path, maxFieldLength: 1000);
            var w = Single(s, 2 - (path.EndsWith(".jsonl", StringComparison.Ordinal) ? 1 : 0), "phenomenon");
            Assert.Equal(ProblemSeverity.Warning, w.Severity);
            Assert.Contains("katkaistu 1000 merkkiin", w.Message, StringComparison.Ordinal);
            Assert.Equal(1000, reports.Single().Phenomenon.Length);
            Assert.Equal(0, s.ErrorCount);
        }
    }

    [Fact]
    public async Task Unknown_category_is_an_error_only_with_a_taxonomy()
    {
        using var dir = new TempDir();
        var path = dir.Write("r.csv", "id,phenomenon,categories\nC1,ok,asuminen|velat\nC2,ok,asumnen\nC3,ok, asuminen | asuminen \n");
        var taxonomy = new Taxonomy([new Category("asuminen", "Asuminen", "", []), new Category("velat", "Velat", "", [])]);
        var (reports, s) = await Collect(path, taxonomy);
        Assert.Equal("tuntematon luokka 'asumnen' (ei annetussa luokituksessa)", Single(s, 3, "categories").Message);
        Assert.Equal(ProblemSeverity.Warning, Single(s, 4, "categories").Severity);
        Assert.Equal(["C1", "C3"], reports.Select(r => r.Id));
        Assert.Equal(["asuminen"], reports[1].Categories);

        var (without, s2) = await Collect(path);
        Assert.Equal(3, without.Count);
        Assert.Equal(0, s2.ErrorCount);
    }

    [Fact]
    public async Task Unknown_column_is_a_warning_naming_it()
    {
        using var dir = new TempDir();
        var (reports, s) = await Collect(dir.Write("r.csv", "ID;Phenomenon;muistiinpano\nK1;teksti;oma huomio\n"));
        var w = Single(s, 1, "muistiinpano");
        Assert.Equal(ProblemSeverity.Warning, w.Severity);
        Assert.Single(reports);
    }

    [Fact]
    public async Task Missing_required_column_stops_reading_with_the_column_named()
    {
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<InputException>(() => Collect(dir.Write("r.csv", "id,proposal\n1,x\n")));
        Assert.Equal("phenomenon", e.Field);
        Assert.Equal(1, e.Row);
    }

    [Fact]
    public async Task Language_must_be_an_iso_code_and_is_folded_to_lower_case()
    {
        using var dir = new TempDir();
        var (reports, s) = await Collect(dir.Write("r.csv", "id,phenomenon,language\nL1,ok,SV\nL2,ok,suomi\n"));
        Assert.Equal("sv", reports.Single().Language);
        Assert.Contains("ISO 639-1", Single(s, 3, "language").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_fill_counts_cover_rows_whose_fields_were_read()
    {
        using var dir = new TempDir();
        var (_, s) = await Collect(dir.Write("r.csv", TypedCsv));
        Assert.Equal(new ColumnFill(9, 1), s.Columns["id"]);
        Assert.Equal(new ColumnFill(9, 1), s.Columns["phenomenon"]);
        // Lines 2, 3, 6 and 12 have a date (valid or not); line 11 could not be split into columns.
        Assert.Equal(new ColumnFill(4, 6), s.Columns["reported_at"]);
        Assert.Equal(new ColumnFill(0, 10), s.Columns["proposal"]);
        Assert.Equal(new ColumnFill(4, 6), s.Columns["kind"]);
    }
}
