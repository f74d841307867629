using System.Text;
using GroupBuy.BotHost.Channels.WeCom;
using Xunit;

namespace GroupBuy.BotHost.Tests.Channels.WeCom;

public sealed class WeComCallbackCryptoTests
{
    private const string CorpId = WeComVectors.Tencent.CorpId;

    private static readonly WeComCallbackCrypto Senparc = new(
        WeComVectors.Senparc.Token, WeComVectors.Senparc.EncodingAesKey, WeComVectors.Senparc.ReceiveId);

    private static readonly WeComCallbackCrypto Tencent = new(
        WeComVectors.Tencent.Token, WeComVectors.Tencent.EncodingAesKey, CorpId);

    [Fact]
    public void Signature_of_the_Senparc_vector_is_the_recorded_msg_signature()
    {
        var signature = Senparc.ComputeSignature(
            WeComVectors.Senparc.Timestamp, WeComVectors.Senparc.Nonce, WeComVectors.Senparc.Encrypt);

        Assert.Equal(WeComVectors.Senparc.MsgSignature, signature);
        Assert.True(Senparc.VerifySignature(
            WeComVectors.Senparc.MsgSignature, WeComVectors.Senparc.Timestamp, WeComVectors.Senparc.Nonce, WeComVectors.Senparc.Encrypt));
    }

    [Fact]
    public void Signature_inputs_are_sorted_ordinally_not_by_culture()
    {
        // Ordinal puts "QDG6eK" before "nonce" (uppercase first); culture rules would not.
        // Expected: sha1sum of "+abc/1409659813QDG6eKnonce", computed outside .NET.
        Assert.Equal(
            "932eca11416fdba851025bd4b83cfe267a200cce",
            Tencent.ComputeSignature("1409659813", "nonce", "+abc/"));
    }

    [Fact]
    public void Decrypting_the_Senparc_vector_gives_exactly_the_recorded_plaintext()
    {
        Assert.Equal(WeComVectors.Senparc.Plaintext, Senparc.Decrypt(WeComVectors.Senparc.Encrypt));
    }

    [Fact]
    public void Encrypting_the_Senparc_plaintext_with_its_random_bytes_reproduces_the_recorded_ciphertext()
    {
        // The recorded ciphertext's first 16 plaintext bytes are its random prefix; with them our
        // Encrypt must produce WeCom's bytes exactly (length field, receive id and padding included).
        var random = WeComTestCipher.DecryptRaw(WeComVectors.Senparc.EncodingAesKey, WeComVectors.Senparc.Encrypt)[..16];

        Assert.Equal(WeComVectors.Senparc.Encrypt, Senparc.Encrypt(WeComVectors.Senparc.Plaintext, random));
    }

    [Fact]
    public void Tencent_url_verification_echostr_verifies_and_decrypts_to_the_answer()
    {
        Assert.True(Tencent.VerifySignature(
            WeComVectors.Tencent.VerifyMsgSignature,
            WeComVectors.Tencent.VerifyTimestamp,
            WeComVectors.Tencent.VerifyNonce,
            WeComVectors.Tencent.VerifyEchoStr));

        Assert.Equal(WeComVectors.Tencent.VerifyAnswer, Tencent.Decrypt(WeComVectors.Tencent.VerifyEchoStr));
    }

    [Fact]
    public void Tencent_sample_message_verifies_decrypts_and_parses_as_a_text_message()
    {
        var envelope = WeComEnvelope.Parse(WeComVectors.Tencent.MessageBody);
        Assert.Equal(WeComVectors.Tencent.MessageEncrypt, envelope.Encrypt);
        Assert.True(Tencent.VerifySignature(
            WeComVectors.Tencent.MessageMsgSignature,
            WeComVectors.Tencent.MessageTimestamp,
            WeComVectors.Tencent.MessageNonce,
            envelope.Encrypt));

        var message = WeComCallbackMessage.Parse(Tencent.Decrypt(envelope.Encrypt));

        Assert.Equal(CorpId, message.ToUserName);
        Assert.Equal("mycreate", message.FromUserName);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("hello", message.Content);
        Assert.Equal("4561255354251345929", message.MsgId);
        Assert.Equal("218", message.AgentId);
        Assert.False(message.IsEvent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("<xml><Content><![CDATA[hello]]></Content></xml>")]
    public void Encrypt_then_Decrypt_gives_the_message_back(string message)
    {
        Assert.Equal(message, Tencent.Decrypt(Tencent.Encrypt(message)));
    }

    [Theory]
    [InlineData(26)]
    [InlineData(58)]
    public void A_message_that_fills_its_blocks_gets_a_whole_block_of_padding(int length)
    {
        // 16 random + 4 length + message + 18-byte CorpID: 26 or 58 bytes of message end exactly on a block.
        var message = new string('x', length);
        Assert.Equal(0, (16 + 4 + length + CorpId.Length) % 32);

        var encrypted = Tencent.Encrypt(message);

        var plain = WeComTestCipher.DecryptRaw(WeComVectors.Tencent.EncodingAesKey, encrypted);
        Assert.Equal(16 + 4 + length + CorpId.Length + 32, plain.Length);
        Assert.All(plain[^32..], b => Assert.Equal(32, b));
        Assert.Equal(message, Tencent.Decrypt(encrypted));
    }

    [Fact]
    public void Chinese_text_round_trips_and_its_length_field_counts_utf8_bytes()
    {
        const string message = "<xml><Content><![CDATA[@团长 苹果+2，3号+1 到货了吗？]]></Content></xml>";

        var encrypted = Tencent.Encrypt(message);

        var plain = WeComTestCipher.DecryptRaw(WeComVectors.Tencent.EncodingAesKey, encrypted);
        Assert.Equal(Encoding.UTF8.GetByteCount(message), (plain[16] << 24) | (plain[17] << 16) | (plain[18] << 8) | plain[19]);
        Assert.Equal(message, Tencent.Decrypt(encrypted));
    }

    [Fact]
    public void Encrypt_uses_fresh_random_bytes_each_time()
    {
        Assert.NotEqual(Tencent.Encrypt("same"), Tencent.Encrypt("same"));
    }

    [Fact]
    public void Encrypt_with_chosen_random_bytes_is_deterministic()
    {
        var random = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

        Assert.Equal(Tencent.Encrypt("苹果+1", random), Tencent.Encrypt("苹果+1", random));
        Assert.Throws<ArgumentException>(() => Tencent.Encrypt("苹果+1", new byte[15]));
    }

    [Fact]
    public void The_robot_receive_id_is_the_empty_string()
    {
        var robot = new WeComCallbackCrypto(WeComVectors.Tencent.Token, WeComVectors.Tencent.EncodingAesKey, string.Empty);
        const string json = """{"msgid":"m1","msgtype":"text","text":{"content":"@机器人 苹果+1"}}""";

        var encrypted = robot.Encrypt(json);

        var plain = WeComTestCipher.DecryptRaw(WeComVectors.Tencent.EncodingAesKey, encrypted);
        Assert.Equal(16 + 4 + Encoding.UTF8.GetByteCount(json), plain.Length - plain[^1]);
        Assert.Equal(json, robot.Decrypt(encrypted));
    }

    [Fact]
    public void VerifySignature_rejects_a_tampered_signature()
    {
        var good = WeComVectors.Tencent.MessageMsgSignature;
        var tampered = (good[0] == 'a' ? "b" : "a") + good[1..];

        Assert.False(Tencent.VerifySignature(
            tampered, WeComVectors.Tencent.MessageTimestamp, WeComVectors.Tencent.MessageNonce, WeComVectors.Tencent.MessageEncrypt));
        Assert.False(Tencent.VerifySignature(
            good.ToUpperInvariant(), WeComVectors.Tencent.MessageTimestamp, WeComVectors.Tencent.MessageNonce, WeComVectors.Tencent.MessageEncrypt));
        Assert.False(Tencent.VerifySignature(
            good[..^1], WeComVectors.Tencent.MessageTimestamp, WeComVectors.Tencent.MessageNonce, WeComVectors.Tencent.MessageEncrypt));
    }

    [Fact]
    public void VerifySignature_rejects_a_changed_timestamp_nonce_or_ciphertext()
    {
        const string signature = WeComVectors.Tencent.MessageMsgSignature;
        const string timestamp = WeComVectors.Tencent.MessageTimestamp;
        const string nonce = WeComVectors.Tencent.MessageNonce;
        const string encrypted = WeComVectors.Tencent.MessageEncrypt;

        Assert.False(Tencent.VerifySignature(signature, "1409659814", nonce, encrypted));
        Assert.False(Tencent.VerifySignature(signature, timestamp, "1372623148", encrypted));
        Assert.False(Tencent.VerifySignature(signature, timestamp, nonce, "x" + encrypted[1..]));
    }

    [Fact]
    public void VerifySignature_rejects_missing_values_and_another_token()
    {
        const string timestamp = WeComVectors.Tencent.MessageTimestamp;
        const string nonce = WeComVectors.Tencent.MessageNonce;
        const string encrypted = WeComVectors.Tencent.MessageEncrypt;
        var otherToken = new WeComCallbackCrypto("QDG6eL", WeComVectors.Tencent.EncodingAesKey, CorpId);

        Assert.False(Tencent.VerifySignature(null, timestamp, nonce, encrypted));
        Assert.False(Tencent.VerifySignature(WeComVectors.Tencent.MessageMsgSignature, null, nonce, encrypted));
        Assert.False(Tencent.VerifySignature(WeComVectors.Tencent.MessageMsgSignature, timestamp, null, encrypted));
        Assert.False(Tencent.VerifySignature(WeComVectors.Tencent.MessageMsgSignature, timestamp, nonce, null));
        Assert.False(otherToken.VerifySignature(WeComVectors.Tencent.MessageMsgSignature, timestamp, nonce, encrypted));
    }

    [Fact]
    public void Decrypt_rejects_a_wrong_receive_id()
    {
        var otherCorp = new WeComCallbackCrypto(WeComVectors.Tencent.Token, WeComVectors.Tencent.EncodingAesKey, "wx5823bf96d3bd56c8");

        var ex = Assert.Throws<WeComCryptoException>(() => otherCorp.Decrypt(WeComVectors.Tencent.MessageEncrypt));

        Assert.Equal(WeComCryptoFailure.ReceiveIdMismatch, ex.Failure);
        Assert.Contains("receive id", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CorpId, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_rejects_an_application_message_at_a_robot_endpoint_and_the_reverse()
    {
        var robot = new WeComCallbackCrypto(WeComVectors.Tencent.Token, WeComVectors.Tencent.EncodingAesKey, string.Empty);

        Assert.Equal(
            WeComCryptoFailure.ReceiveIdMismatch,
            Assert.Throws<WeComCryptoException>(() => robot.Decrypt(WeComVectors.Tencent.MessageEncrypt)).Failure);
        Assert.Equal(
            WeComCryptoFailure.ReceiveIdMismatch,
            Assert.Throws<WeComCryptoException>(() => Tencent.Decrypt(robot.Encrypt("{}"))).Failure);
    }

    [Fact]
    public void Decrypt_rejects_bad_padding_after_the_last_byte_is_flipped()
    {
        // Re-encrypt the real plaintext by hand with its last (pad) byte changed.
        var plain = WeComTestCipher.DecryptRaw(WeComVectors.Tencent.EncodingAesKey, WeComVectors.Tencent.MessageEncrypt);
        plain[^1] ^= 0x01;
        var tampered = WeComTestCipher.EncryptRaw(WeComVectors.Tencent.EncodingAesKey, plain);

        var ex = Assert.Throws<WeComCryptoException>(() => Tencent.Decrypt(tampered));

        Assert.Equal(WeComCryptoFailure.BadPadding, ex.Failure);
        Assert.Contains("padding", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(0xFF)]
    public void Decrypt_rejects_a_pad_value_outside_1_to_32(int padValue)
    {
        var padded = WeComTestCipher.Pad(WeComTestCipher.Content("hello", CorpId));
        padded[^1] = (byte)padValue;

        var ex = Assert.Throws<WeComCryptoException>(
            () => Tencent.Decrypt(WeComTestCipher.EncryptRaw(WeComVectors.Tencent.EncodingAesKey, padded)));

        Assert.Equal(WeComCryptoFailure.BadPadding, ex.Failure);
    }

    [Fact]
    public void Decrypt_rejects_pad_bytes_that_are_not_all_equal()
    {
        var padded = WeComTestCipher.Pad(WeComTestCipher.Content("hello", CorpId));
        Assert.True(padded[^1] > 2);
        padded[^2] ^= 0x40;

        var ex = Assert.Throws<WeComCryptoException>(
            () => Tencent.Decrypt(WeComTestCipher.EncryptRaw(WeComVectors.Tencent.EncodingAesKey, padded)));

        Assert.Equal(WeComCryptoFailure.BadPadding, ex.Failure);
    }

    [Fact]
    public void Decrypt_rejects_16_byte_padding_as_other_libraries_would_write_it()
    {
        // .NET's PaddingMode.PKCS7 pads to 16: WeCom's 32-byte rule makes the block count wrong or the pad short.
        var content = WeComTestCipher.Content("hello", CorpId);
        var pad = 16 - (content.Length % 16);
        byte[] padded = [.. content, .. Enumerable.Repeat((byte)pad, pad)];
        Assert.NotEqual(0, padded.Length % 32);

        var ex = Assert.Throws<WeComCryptoException>(
            () => Tencent.Decrypt(WeComTestCipher.EncryptRaw(WeComVectors.Tencent.EncodingAesKey, padded)));

        Assert.Equal(WeComCryptoFailure.BadBlockLength, ex.Failure);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1)]
    public void Decrypt_rejects_truncated_ciphertext_that_is_not_whole_blocks(int cut)
    {
        var cipher = Convert.FromBase64String(WeComVectors.Tencent.MessageEncrypt);
        var truncated = Convert.ToBase64String(cipher[..^cut]);

        Assert.Equal(WeComCryptoFailure.BadBlockLength, Assert.Throws<WeComCryptoException>(() => Tencent.Decrypt(truncated)).Failure);
    }

    [Fact]
    public void Decrypt_rejects_ciphertext_truncated_by_whole_blocks()
    {
        // Whole blocks off the end leave message text where the padding should be ('>' is 62, not 1–32).
        var cipher = Convert.FromBase64String(WeComVectors.Tencent.MessageEncrypt);
        var truncated = Convert.ToBase64String(cipher[..^32]);

        Assert.Throws<WeComCryptoException>(() => Tencent.Decrypt(truncated));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA")]
    public void Decrypt_rejects_empty_or_short_ciphertext(string encrypted)
    {
        Assert.Equal(
            WeComCryptoFailure.BadBlockLength,
            Assert.Throws<WeComCryptoException>(() => Tencent.Decrypt(encrypted)).Failure);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3Qcz")]
    [InlineData("苹果")]
    public void Decrypt_rejects_text_that_is_not_base64(string encrypted)
    {
        var ex = Assert.Throws<WeComCryptoException>(() => Tencent.Decrypt(encrypted));

        Assert.Equal(WeComCryptoFailure.BadBase64, ex.Failure);
        Assert.Contains("Base64", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24u)]
    [InlineData(1000u)]
    [InlineData(uint.MaxValue)]
    public void Decrypt_rejects_a_length_field_larger_than_the_data(uint lengthField)
    {
        // "hello" + the 18-byte CorpID leave 23 bytes after the length field; claim more than that.
        var padded = WeComTestCipher.Pad(WeComTestCipher.Content("hello", CorpId, lengthField));

        var ex = Assert.Throws<WeComCryptoException>(
            () => Tencent.Decrypt(WeComTestCipher.EncryptRaw(WeComVectors.Tencent.EncodingAesKey, padded)));

        Assert.Equal(WeComCryptoFailure.BadLength, ex.Failure);
        Assert.Contains("length", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_rejects_padding_that_eats_into_the_header()
    {
        // One block of 32s: valid padding, but nothing is left for the 20-byte header.
        var ex = Assert.Throws<WeComCryptoException>(
            () => Tencent.Decrypt(WeComTestCipher.EncryptRaw(WeComVectors.Tencent.EncodingAesKey, [.. Enumerable.Repeat((byte)32, 32)])));

        Assert.Equal(WeComCryptoFailure.BadLength, ex.Failure);
    }

    [Fact]
    public void Decrypt_rejects_a_message_that_is_not_utf8()
    {
        byte[] content = [.. WeComTestCipher.Content("ab", CorpId)];
        content[20] = 0xC3;
        content[21] = 0x28;

        var ex = Assert.Throws<WeComCryptoException>(
            () => Tencent.Decrypt(WeComTestCipher.EncryptRaw(WeComVectors.Tencent.EncodingAesKey, WeComTestCipher.Pad(content))));

        Assert.Equal(WeComCryptoFailure.BadText, ex.Failure);
    }

    [Theory]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CC")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2!")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2=")]
    [InlineData("")]
    public void The_constructor_rejects_a_malformed_EncodingAESKey_without_echoing_it(string encodingAesKey)
    {
        var ex = Assert.Throws<ArgumentException>(() => new WeComCallbackCrypto("token", encodingAesKey, CorpId));

        Assert.Equal("encodingAesKey", ex.ParamName);
        Assert.Contains("EncodingAESKey", ex.Message, StringComparison.Ordinal);
        if (encodingAesKey.Length > 0)
        {
            Assert.DoesNotContain(encodingAesKey[..10], ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_constructor_requires_a_token_and_a_receive_id()
    {
        Assert.Throws<ArgumentException>(() => new WeComCallbackCrypto(string.Empty, WeComVectors.Tencent.EncodingAesKey, CorpId));
        Assert.Throws<ArgumentNullException>(() => new WeComCallbackCrypto("token", WeComVectors.Tencent.EncodingAesKey, null!));
    }
}
