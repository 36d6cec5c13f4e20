import type { Db } from "../../../db/connection";
import { qrSvg } from "../invitations/print.server";
import { getBoardState } from "./workshops.server";

/** The projected page: the board, the join URL and its QR code. */
export async function getWorkshopBoardPage(db: Db, territoryId: string, workshopId: string, baseUrl: string) {
  const board = await getBoardState(db, territoryId, workshopId);
  const joinUrl = `${baseUrl}/a/${board.joinCode}`;
  return { board, joinUrl, qr: await qrSvg(joinUrl) };
}
