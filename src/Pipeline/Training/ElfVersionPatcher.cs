using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks named version requirements of an ELF64 shared library as weak (VER_FLG_WEAK in its
/// .gnu.version_r entries), so the dynamic loader no longer refuses the library when the system
/// library lacks that version. Compiled by MSBuild's RoslynCodeTaskFactory from TorchSharpNative.targets.
/// The file is rewritten through a temporary copy and a rename: the output may be a hard link
/// into the NuGet package cache, which must stay untouched.
/// </summary>
public sealed class MarkElfVersionsWeak : Task
{
    private const ushort VerFlgWeak = 0x2;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Version names separated by ';', e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string Versions { get; set; } = "";

    public override bool Execute()
    {
        var names = new HashSet<string>(Versions.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path))
                continue;
            try
            {
                var bytes = File.ReadAllBytes(path);
                var changed = Patch(bytes, names, out var found);
                if (changed.Count > 0)
                {
                    var temp = path + ".weak-tmp";
                    File.WriteAllBytes(temp, bytes);
                    File.Move(path, path + ".weak-old");
                    File.Move(temp, path);
                    File.Delete(path + ".weak-old");
                    Log.LogMessage(MessageImportance.Normal, "{0}: marked {1} weak", path, string.Join(", ", changed));
                }
                else if (found == 0)
                {
                    Log.LogMessage(MessageImportance.Low, "{0}: no requirement on {1}", path, Versions);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
            {
                Log.LogError("Could not mark versions weak in {0}: {1}", path, e.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Sets VER_FLG_WEAK on matching Vernaux entries; returns the names it changed (already weak ones are counted in found).</summary>
    internal static List<string> Patch(byte[] elf, HashSet<string> names, out int found)
    {
        found = 0;
        var changed = new List<string>();
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF is supported");
        var shoff = checked((int)U64(elf, 0x28));
        int shentsize = U16(elf, 0x3A);
        int shnum = U16(elf, 0x3C);
        for (var s = 0; s < shnum; s++)
        {
            var sh = shoff + s * shentsize;
            if (U32(elf, sh + 4) != ShtGnuVerneed)
                continue;
            var offset = checked((int)U64(elf, sh + 0x18));
            var link = (int)U32(elf, sh + 0x28);
            var count = (int)U32(elf, sh + 0x2C); // sh_info: number of Verneed entries
            var strtab = checked((int)U64(elf, shoff + link * shentsize + 0x18));
            var need = offset;
            for (var n = 0; n < count; n++)
            {
                int cnt = U16(elf, need + 2);
                var aux = need + (int)U32(elf, need + 8);
                for (var a = 0; a < cnt; a++)
                {
                    var flags = U16(elf, aux + 4);
                    var name = ReadString(elf, strtab + (int)U32(elf, aux + 8));
                    if (names.Contains(name))
                    {
                        found++;
                        if ((flags & VerFlgWeak) == 0)
                        {
                            var weak = (ushort)(flags | VerFlgWeak);
                            elf[aux + 4] = (byte)weak;
                            elf[aux + 5] = (byte)(weak >> 8);
                            changed.Add(name);
                        }
                    }

                    aux += (int)U32(elf, aux + 12);
                }

                var next = (int)U32(elf, need + 12);
                if (next == 0)
                    break;
                need += next;
            }
        }

        return changed;
    }

    // ELF64 little-endian fields, read byte by byte (the task compiles against netstandard, without spans).
    private static ushort U16(byte[] b, int at) => (ushort)(b[at] | b[at + 1] << 8);

    private static uint U32(byte[] b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

    private static ulong U64(byte[] b, int at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;

    private static string ReadString(byte[] data, int start)
    {
        var end = Array.IndexOf(data, (byte)0, start);
        return Encoding.ASCII.GetString(data, start, (end < 0 ? data.Length : end) - start);
    }
}
