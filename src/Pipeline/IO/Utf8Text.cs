using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace SosRap.Pipeline.IO;

/// <summary>Strict UTF-8 decoding that says where the first invalid byte is.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Lossy = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Decodes <paramref name="bytes"/>. On invalid UTF-8 returns false, with the index of the
    /// first bad byte and a lossy decoding (U+FFFD) for the rejected-rows file. When
    /// <paramref name="truncated"/> is true the bytes were cut at a cap, so an incomplete
    /// sequence at the end is dropped rather than reported.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, bool truncated, out string text, out int badIndex)
    {
        badIndex = -1;
        if (bytes.IsEmpty)
        {
            text = "";
            return true;
        }

        if (!truncated && Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
            return true;
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: !truncated);
            if (status == OperationStatus.Done || (status == OperationStatus.NeedMoreData && truncated))
            {
                text = new string(chars, 0, written);
                return true;
            }

            badIndex = read;
            text = Lossy.GetString(bytes);
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A message for an invalid byte: its value, where it is, and a hint when it looks like Latin-1.</summary>
    public static string InvalidMessage(ReadOnlySpan<byte> bytes, int badIndex, string where)
    {
        var b = bytes[badIndex];
        var msg = $"virheellinen UTF-8-tavu 0x{b.ToString("X2", CultureInfo.InvariantCulture)} {where}";
        var next = badIndex + 1 < bytes.Length ? bytes[badIndex + 1] : (byte)0;
        if (b is 0xE4 or 0xF6 or 0xC4 or 0xD6 or 0xE5 or 0xC5 && (next & 0xC0) != 0x80)
            msg += "; tiedosto näyttää olevan Latin-1/Windows-1252-merkistöä: tallenna se UTF-8-muodossa (Excelissä \"CSV UTF-8\")";
        return msg;
    }
}
