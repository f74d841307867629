namespace GroupBuy.BotHost.Tests.Channels.WeCom;

/// <summary>The recorded callbacks of ../shared/spec/wecom-test-vector.md, verbatim.</summary>
internal static class WeComVectors
{
    /// <summary>A real suite callback recorded in Senparc's test suite.</summary>
    internal static class Senparc
    {
        public const string Token = "3J5JTpb4j8Yfk";
        public const string EncodingAesKey = "XtJUgDlFYncPP3z4V7W6Jv4ietcIFveUn6LP1KzOBNf";
        public const string Timestamp = "1505643268";
        public const string Nonce = "1504921331";
        public const string MsgSignature = "118b034be74c917464f833cd32fc3f74958b2c93";
        public const string ReceiveId = "tj99bf85a7c6525277";

        public const string Encrypt =
            "mOYGyroKLkpIDLNn6DAPjdZbRsQlkUggk+LnYY2S/7O/nRxxu3hDsJLiod29NVMYpwVNHMqTnZALXmycI6c7+wWxway/T/91okclPXn+EB/u4vss5FKntesFMxtGPRxt1aChMN9yNJNRhom05UD4c3B3lSicS10LE3MwWenb9t3CzbovlwM7T9jq1PFOA/0HyGZtwIoNdPjc0xaPe09oMvRtn69vu7whudjq2oI27jmEvXAfrWxN29oYTb+dPmBgXx/y4Hs2nWctuiCS7l9jN/dgzKTfPP056k7AKp49XIe2PHJZsmq/jhKLh+7aVRjGcWQepgshtbRwNtolPsT3AoblAa/be7d3igl/EbfguPTK/mAANEb73grwQxfNVH/MJr4sQrTKn/DHjbP9GyoKrr6qFxpDiziZB7LD/kvUqSw=";

        public const string Plaintext =
            "<xml><SuiteId><![CDATA[tj99bf85a7c6525277]]></SuiteId><AuthCode><![CDATA[4iB9AtMlSfBkwV0JjbnYqFTAp33Z9Rzj2hUnliWWIfvllA5HfUTmPPd89y4nFLh4D9-b74MBxvfZ5ph3QoQAMm1mWSHbFlzs07lxBI9PAD8]]></AuthCode><InfoType><![CDATA[create_auth]]></InfoType><TimeStamp>1505643268</TimeStamp></xml>";
    }

    /// <summary>Tencent's own WXBizMsgCrypt sample (Sample.cs).</summary>
    internal static class Tencent
    {
        public const string Token = "QDG6eK";
        public const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
        public const string CorpId = "wx5823bf96d3bd56c7";

        public const string VerifyMsgSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
        public const string VerifyTimestamp = "1409659589";
        public const string VerifyNonce = "263014780";
        public const string VerifyEchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        public const string VerifyAnswer = "1616140317555161061";

        public const string MessageMsgSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
        public const string MessageTimestamp = "1409659813";
        public const string MessageNonce = "1372623149";

        public const string MessageEncrypt =
            "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

        /// <summary>The POST body around <see cref="MessageEncrypt"/>, as the sample shows it.</summary>
        public const string MessageBody =
            "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA["
            + MessageEncrypt
            + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
    }
}
