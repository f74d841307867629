using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuy.Conversations.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WeComGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dismissed_at",
                table: "groups",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "we_com_robot_key",
                table: "groups",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "we_com_route",
                table: "groups",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dismissed_at",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "we_com_robot_key",
                table: "groups");

            migrationBuilder.DropColumn(
                name: "we_com_route",
                table: "groups");
        }
    }
}
