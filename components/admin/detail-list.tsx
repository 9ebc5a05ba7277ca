// The admin pages' definition lists are the shared ones.
export { Detail, DetailList, linkClass } from "@/components/ui/detail-list";
