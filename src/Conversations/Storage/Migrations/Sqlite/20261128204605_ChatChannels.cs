using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuy.Conversations.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inbound_messages_processed_at_chat_id_id",
                table: "inbound_messages");

            migrationBuilder.AddColumn<string>(
                name: "target_key",
                table: "outbound_messages",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "conversation_key",
                table: "inbound_messages",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "next_attempt_at",
                table: "inbound_messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "inbound_messages",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_status_target_key_id",
                table: "outbound_messages",
                columns: new[] { "status", "target_key", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbound_messages_target_key_sent_at",
                table: "outbound_messages",
                columns: new[] { "target_key", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_channel_chat_id_id",
                table: "inbound_messages",
                columns: new[] { "channel", "chat_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_status_conversation_key_id",
                table: "inbound_messages",
                columns: new[] { "status", "conversation_key", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbound_messages_status_target_key_id",
                table: "outbound_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbound_messages_target_key_sent_at",
                table: "outbound_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbound_messages_channel_chat_id_id",
                table: "inbound_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbound_messages_status_conversation_key_id",
                table: "inbound_messages");

            migrationBuilder.DropColumn(
                name: "target_key",
                table: "outbound_messages");

            migrationBuilder.DropColumn(
                name: "conversation_key",
                table: "inbound_messages");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "inbound_messages");

            migrationBuilder.DropColumn(
                name: "status",
                table: "inbound_messages");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_messages_processed_at_chat_id_id",
                table: "inbound_messages",
                columns: new[] { "processed_at", "chat_id", "id" });
        }
    }
}
